"""dcc.Graph through the headless client: a plotly Figure in the layout reaches callbacks as its dict; the Graph
verbs (click_point, hover_point, select_points, relayout, ...) drive callbacks with Dash-shaped event values;
extendData grows the figure a chained callback reads as State; numpy arrays travel as typed arrays."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import pytest

from propwire import Dash, Input, Output, State, dcc, html
from propwire.api.typed_arrays import decode_typed_array, encode_figure
from propwire.testing import Client
from propwire.testing.graph_points import GraphPointError


def test_click_data_and_the_figure_as_state() -> None:
    app = Dash(__name__)
    fig = go.Figure([go.Bar(x=["a", "b"], y=[1, 2], customdata=["A", "B"])])
    app.layout = html.Div([dcc.Graph(id="g", figure=fig), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("g", "clickData"), State("g", "figure"))
    def show(click, figure):
        point = click["points"][0]["customdata"] if click else None
        return f"{point} {figure['data'][0]['type']} {list(figure['data'][0]['y'])}"

    client = Client(app)
    client.open("/")
    assert client.text("out") == "None bar [1, 2]"
    client.set_props("g", clickData={"points": [{"curveNumber": 0, "pointNumber": 1, "customdata": "B"}]})
    assert client.text("out") == "B bar [1, 2]"


def test_a_callback_may_return_a_plotly_figure() -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="n", value="3"), dcc.Graph(id="g"), html.Div(id="count")])

    @app.callback(Output("g", "figure"), Input("n", "value"))
    def draw(n):
        return go.Figure(go.Scatter(y=list(range(int(n or 0)))))

    @app.callback(Output("count", "children"), Input("g", "figure"))
    def count(figure):
        return str(len(figure["data"][0]["y"]))

    client = Client(app)
    client.open("/")
    assert client.text("count") == "3"
    client.type("n", "5")
    assert client.text("count") == "5"


FIGURE = {"data": [{"type": "scatter", "x": [1, 2, 3, 4], "y": [10, 20, 30, 40], "customdata": ["a", "b", "c", "d"]},
                   {"type": "bar", "x": ["p", "q"], "y": [3, 5]}],
          "layout": {"annotations": [{"x": 2, "y": 20, "text": "peak", "captureevents": True}]}}


def graph_app(**graph_props) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Graph(id="g", figure=FIGURE, **graph_props), html.Button(id="tick"),
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


def test_click_point_sends_the_points_data():
    with Client(graph_app()) as client:
        client.open("/")
        client.click_point("g", curve=0, point=2)
        prop, value = shown(client)
        assert prop == "clickData" and isinstance(value.pop("timestamp"), int)
        assert value == {"points": [{"curveNumber": 0, "pointNumber": 2, "pointIndex": 2, "x": 3, "y": 30,
                                     "customdata": "c"}]}
        assert client.prop("g", "clickData")["points"][0]["customdata"] == "c"


def test_hover_and_unhover():
    with Client(graph_app(clear_on_unhover=True)) as client:
        client.open("/")
        client.hover_point("g", 1, 1)
        assert shown(client) == ["hoverData", {"points": [{"curveNumber": 1, "pointNumber": 1, "pointIndex": 1,
                                                           "x": "q", "y": 5, "label": "q", "value": 5}]}]
        client.unhover("g")
        assert shown(client) == ["hoverData", None]


def test_select_points_and_relayout():
    with Client(graph_app()) as client:
        client.open("/")
        client.select_points("g", [(0, 0), (0, 1)])
        value = client.prop("g", "selectedData")
        assert value["range"] == {"x": [1, 2], "y": [10, 20]}
        assert [p["customdata"] for p in value["points"]] == ["a", "b"]
        # the box stays drawn in the layout: relayoutData says so (as plotly.js does, after selectedData)
        box = {"line": {"dash": "dot", "width": 1}, "type": "rect", "x0": 1, "x1": 2, "xref": "x", "y0": 10,
               "y1": 20, "yref": "y"}
        assert shown(client) == ["relayoutData", {"selections": [box]}]
        client.select_points("g", [(0, 2)], range={"x": [2.5, 3.5], "y": [0, 50]})
        assert client.prop("g", "selectedData")["range"] == {"x": [2.5, 3.5], "y": [0, 50]}
        assert client.prop("g", "relayoutData")["selections"][0]["x0"] == 2.5
        client.select_points("g", [])  # a deselect: selectedData None, then the box leaves the layout
        assert client.prop("g", "selectedData") is None
        assert shown(client) == ["relayoutData", {"selections": []}]
        client.relayout("g", {"xaxis.range[0]": 1.5, "xaxis.range[1]": 3})
        assert shown(client) == ["relayoutData", {"xaxis.range[0]": 1.5, "xaxis.range[1]": 3}]


def test_click_annotation():
    with Client(graph_app()) as client:
        client.open("/")
        client.click_annotation("g", 0)
        prop, value = shown(client)
        assert prop == "clickAnnotationData" and isinstance(value.pop("timestamp"), int)
        assert value == {"index": 0, "annotation": {"x": 2, "y": 20, "text": "peak", "captureevents": True}}


def test_click_legend_hides_the_trace_and_says_so_in_the_figure():
    with Client(graph_app()) as client:
        client.open("/")
        client.click_legend("g", 1)
        assert shown(client) == ["restyleData", [{"visible": ["legendonly"]}, [1]]]
        assert client.prop("g", "figure")["data"][1]["visible"] == "legendonly"


def test_extend_data_grows_the_figure_a_chained_callback_reads():
    with Client(graph_app()) as client:
        client.open("/")
        client.click("tick")
        assert client.text("n") == "2,3,4,5"  # max points 4: the oldest point went
        client.click("tick")
        assert client.text("n") == "3,4,5,6"
        assert client.prop("g", "figure")["data"][0]["y"] == [30, 40, 100, 200]


def test_a_verb_on_something_else_or_a_missing_point_is_a_clear_error():
    with Client(graph_app()) as client:
        client.open("/")
        with pytest.raises(GraphPointError, match="'tick' is a Button, not a dcc.Graph"):
            client.click_point("tick", 0, 0)
        with pytest.raises(GraphPointError, match="graph 'g': trace 0 has no point 7"):
            client.click_point("g", 0, 7)


def test_numpy_figures_reach_the_page_as_typed_arrays_and_points_decode_them():
    app = Dash(__name__)
    y = np.linspace(0.0, 1.0, 50_000)
    app.layout = html.Div([dcc.Graph(id="g", figure=encode_figure({"data": [{"type": "scattergl", "y": y}]})),
                           html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("g", "clickData"), prevent_initial_call=True)
    def show(click):
        return str(click["points"][0]["y"])

    with Client(app) as client:
        client.open("/")
        sent = client.prop("g", "figure")["data"][0]["y"]
        assert sent["dtype"] == "f8" and np.array_equal(decode_typed_array(sent), y)
        client.click_point("g", 0, 49_999)
        assert client.text("out") == "1"  # as the browser's JSON sends a whole number: an int
        client.click_point("g", 0, 1)
        assert client.text("out") == str(y[1])


def _relayout_app(**graphs: dict) -> Dash:
    """One Graph per keyword (id -> its props) and a callback logging each one's relayoutData."""
    app = Dash(__name__)
    app.layout = html.Div([*(dcc.Graph(id=gid, **props) for gid, props in graphs.items()), html.Div(id="log")])
    seen: list = []

    @app.callback(Output("log", "children"), [Input(gid, "relayoutData") for gid in graphs])
    def log(*values):
        seen.append(list(values))
        return json.dumps(seen)

    return app


def test_a_graph_whose_size_is_free_reports_autosize_once_drawn():
    # Dash's Graph resizes after its first plot: plotly relayouts {autosize: true} unless width and height are
    # both fixed; responsive=True drops the layout's size, so that one autosizes too.
    sized = {"data": [], "layout": {"width": 400, "height": 300}}
    app = _relayout_app(free={"figure": {"data": [], "layout": {"width": 400}}}, none={}, fixed={"figure": sized},
                        follows={"figure": sized, "responsive": True})
    with Client(app) as client:
        client.open("/")
        auto = {"autosize": True}
        calls = json.loads(client.text("log"))
        # the initial call, then one per graph that autosizes (each plot resizes on its own, as in the browser)
        assert calls[0] == [None, None, None, None] and len(calls) == 4
        assert calls[-1] == [auto, auto, None, auto]
        assert client.prop("fixed", "relayoutData") is None


def test_a_graph_inserted_by_a_callback_reports_autosize_too():
    app = Dash(__name__, suppress_callback_exceptions=True)
    app.layout = html.Div([html.Button(id="add"), html.Div(id="slot"), html.Div(id="log")])

    @app.callback(Output("slot", "children"), Input("add", "n_clicks"), prevent_initial_call=True)
    def add(_n):
        return dcc.Graph(id="g", figure={"data": [{"y": [1, 2]}]})

    @app.callback(Output("log", "children"), Input("g", "relayoutData"), prevent_initial_call=True)
    def log(value):
        return json.dumps(value)

    with Client(app) as client:
        client.open("/")
        client.click("add")
        assert client.text("log") == '{"autosize": true}'


def test_points_in_a_box_as_a_box_select_picks_them():
    from propwire.testing.graph_points import points_in_box

    fig = {"data": [{"type": "scatter", "mode": "markers", "x": [1, 2, 3, 4], "y": [10, 30, 20, 40]},
                    {"type": "scatter", "mode": "lines", "x": [2, 3], "y": [20, 20]},         # lines only: none
                    {"type": "scatter", "x": [2.5], "y": [25], "visible": "legendonly"},      # hidden: none
                    {"type": "scatter", "x": [2.5], "y": [25], "xaxis": "x2"},                # other axes: none
                    {"type": "bar", "x": [2, 3], "y": [20, 100]}]}                           # by its middle
    assert points_in_box(fig, [3.5, 1.5], [45, 5]) == [(0, 1), (0, 2), (4, 0)]
    assert points_in_box(fig, [0, 5], [0, 5]) == []
    assert points_in_box(fig, [2, 3], [20, 50], xaxis="x2") == [(3, 0)]
    with pytest.raises(GraphPointError, match="category or date point"):
        points_in_box({"data": [{"type": "bar", "x": ["a"], "y": [1]}]}, [0, 1], [0, 1], graph="'g'")


def test_a_patch_extending_a_plotly_express_trace_extends_its_typed_array() -> None:
    """plotly.py sends y as a {dtype, bdata} spec; Dash 4.4.1 cannot extend it with a Patch, propwire can."""
    app = Dash(__name__)
    fig = go.Figure([go.Scattergl(x=np.arange(1000), y=np.linspace(0, 1, 1000))])
    app.layout = html.Div([html.Button(id="grow"), html.Button(id="look"), dcc.Graph(id="g", figure=fig),
                           html.Div(id="out")])

    @app.callback(Output("g", "figure"), Input("grow", "n_clicks"), prevent_initial_call=True)
    def grow(n):
        from propwire import Patch

        patched = Patch()
        patched["data"][0]["x"].append(1000)
        patched["data"][0]["y"].extend([2.5])
        return patched

    @app.callback(Output("out", "children"), Input("look", "n_clicks"), State("g", "figure"), prevent_initial_call=True)
    def look(_, figure):
        x, y = (decode_typed_array(figure["data"][0][k]) for k in "xy")
        return f"{len(x)} {x[-1]} {y[-1]} {figure['data'][0]['y']['dtype']}"

    client = Client(app)
    client.open("/")
    client.click("grow")
    client.click("look")
    assert client.text("out") == "1001 1000 2.5 f8"
