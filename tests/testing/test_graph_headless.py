"""The headless client's Graph verbs drive callbacks with Dash-shaped event values, and extendData grows the
figure a chained callback reads as State. The Graph here is a declared stand-in with dcc.Graph's type and
props (propwire's own dcc.Graph is being built on another branch)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import numpy as np
import pytest

from propwire import Dash, Input, Output, State, html
from propwire.api.typed_arrays import decode_typed_array, encode_figure
from propwire.components import spec
from propwire.components.base import ANY, BOOL, DICT, ID, Component
from propwire.testing import Client
from propwire.testing.graph_points import GraphPointError


@pytest.fixture(scope="module")
def graph_class() -> Iterator[type]:
    class Graph(Component):
        _namespace, _type = "graphtest", "Graph"
        _props = {"id": ID, "figure": DICT, "clickData": ANY, "hoverData": ANY, "selectedData": ANY,
                  "relayoutData": ANY, "clickAnnotationData": ANY, "restyleData": ANY, "extendData": ANY, "prependData": ANY, "clear_on_unhover": BOOL}

    yield Graph
    spec.forget(Graph)


FIGURE = {"data": [{"type": "scatter", "x": [1, 2, 3, 4], "y": [10, 20, 30, 40], "customdata": ["a", "b", "c", "d"]},
                   {"type": "bar", "x": ["p", "q"], "y": [3, 5]}],
          "layout": {"annotations": [{"x": 2, "y": 20, "text": "peak", "captureevents": True}]}}


def graph_app(graph_class: type, **graph_props) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([graph_class(id="g", figure=FIGURE, **graph_props), html.Button(id="tick"),
                           html.Div(id="out"), html.Div(id="n")])

    for prop in ("clickData", "hoverData", "selectedData", "relayoutData", "clickAnnotationData", "restyleData"):
        @app.callback(Output("out", "children", allow_duplicate=True), Input("g", prop), prevent_initial_call=True)
        def show(value, prop=prop):
            return json.dumps([prop, value], sort_keys=True)

    @app.callback(Output("g", "extendData"), Input("tick", "n_clicks"), prevent_initial_call=True)
    def tick(n):
        return [{"x": [[4 + n]], "y": [[100 * n]]}, [0], 4]

    @app.callback(Output("n", "children"), Input("g", "extendData"), State("g", "figure"), prevent_initial_call=True)
    def count(_ext, figure):
        return ",".join(str(v) for v in figure["data"][0]["x"])

    return app


def shown(client: Client) -> list:
    return json.loads(client.text("out"))


def test_click_point_sends_the_points_data(graph_class):
    with Client(graph_app(graph_class)) as client:
        client.open("/")
        client.click_point("g", curve=0, point=2)
        prop, value = shown(client)
        assert prop == "clickData" and isinstance(value.pop("timestamp"), int)
        assert value == {"points": [{"curveNumber": 0, "pointNumber": 2, "pointIndex": 2, "x": 3, "y": 30,
                                     "customdata": "c"}]}
        assert client.prop("g", "clickData")["points"][0]["customdata"] == "c"


def test_hover_and_unhover(graph_class):
    with Client(graph_app(graph_class, clear_on_unhover=True)) as client:
        client.open("/")
        client.hover_point("g", 1, 1)
        assert shown(client) == ["hoverData", {"points": [{"curveNumber": 1, "pointNumber": 1, "pointIndex": 1,
                                                           "x": "q", "y": 5, "label": "q", "value": 5}]}]
        client.unhover("g")
        assert shown(client) == ["hoverData", None]


def test_select_points_and_relayout(graph_class):
    with Client(graph_app(graph_class)) as client:
        client.open("/")
        client.select_points("g", [(0, 0), (0, 1)])
        prop, value = shown(client)
        assert prop == "selectedData" and value["range"] == {"x": [1, 2], "y": [10, 20]}
        assert [p["customdata"] for p in value["points"]] == ["a", "b"]
        client.select_points("g", [])
        assert shown(client) == ["selectedData", None]
        client.relayout("g", {"xaxis.range[0]": 1.5, "xaxis.range[1]": 3})
        assert shown(client) == ["relayoutData", {"xaxis.range[0]": 1.5, "xaxis.range[1]": 3}]


def test_click_annotation(graph_class):
    with Client(graph_app(graph_class)) as client:
        client.open("/")
        client.click_annotation("g", 0)
        prop, value = shown(client)
        assert prop == "clickAnnotationData" and isinstance(value.pop("timestamp"), int)
        assert value == {"index": 0, "annotation": {"x": 2, "y": 20, "text": "peak", "captureevents": True}}


def test_click_legend_hides_the_trace_and_says_so_in_the_figure(graph_class):
    with Client(graph_app(graph_class)) as client:
        client.open("/")
        client.click_legend("g", 1)
        assert shown(client) == ["restyleData", [{"visible": ["legendonly"]}, [1]]]
        assert client.prop("g", "figure")["data"][1]["visible"] == "legendonly"


def test_extend_data_grows_the_figure_a_chained_callback_reads(graph_class):
    with Client(graph_app(graph_class)) as client:
        client.open("/")
        client.click("tick")
        assert client.text("n") == "2,3,4,5"  # max points 4: the oldest point went
        client.click("tick")
        assert client.text("n") == "3,4,5,6"
        assert client.prop("g", "figure")["data"][0]["y"] == [30, 40, 100, 200]


def test_a_verb_on_something_else_or_a_missing_point_is_a_clear_error(graph_class):
    with Client(graph_app(graph_class)) as client:
        client.open("/")
        with pytest.raises(GraphPointError, match="'tick' is a Button, not a dcc.Graph"):
            client.click_point("tick", 0, 0)
        with pytest.raises(GraphPointError, match="graph 'g': trace 0 has no point 7"):
            client.click_point("g", 0, 7)


def test_numpy_figures_reach_the_page_as_typed_arrays_and_points_decode_them(graph_class):
    app = Dash(__name__)
    y = np.linspace(0.0, 1.0, 50_000)
    app.layout = html.Div([graph_class(id="g", figure=encode_figure({"data": [{"type": "scattergl", "y": y}]})),
                           html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("g", "clickData"), prevent_initial_call=True)
    def show(click):
        return str(click["points"][0]["y"])

    with Client(app) as client:
        client.open("/")
        sent = client.prop("g", "figure")["data"][0]["y"]
        assert sent["dtype"] == "f8" and np.array_equal(decode_typed_array(sent), y)
        client.click_point("g", 0, 49_999)
        assert client.text("out") == "1.0"
