"""BrowserDriver's dcc.Graph verbs in Chromium: what the drawn plot cannot do as asked is a clear error before
anything is sent, the verbs wait for the callbacks, two clicks in a row are two clicks (not a double-click), and
pattern ids and typed-array figures work. (tests/testing/test_graph_conformance.py compares the verbs with the
headless Client's.)"""

from __future__ import annotations

import json
import threading
from typing import Any

import numpy as np
import pytest

from propwire import MATCH, Dash, Input, Output, dcc, html
from propwire.api.typed_arrays import encode_figure
from propwire.testing.graph_points import GraphPointError

FIGURE = {"data": [{"type": "scatter", "mode": "markers", "x": [1, 2, 3, 4], "y": [10, 30, 20, 40],
                    "customdata": ["a", "b", "c", "d"]}],
          "layout": {"width": 500, "height": 360, "margin": {"l": 40, "r": 10, "t": 10, "b": 30},
                     "xaxis": {"range": [0, 5]}, "yaxis": {"range": [0, 50]}}}


def echo_app(figure: dict, *props: str) -> Dash:
    """Graph "g" and a <pre id=prop> per event prop with the JSON a callback got."""
    app = Dash(__name__)
    app.layout = html.Div([dcc.Graph(id="g", figure=figure), *[html.Pre(id=p) for p in props]])
    for prop in props:
        app.callback(Output(prop, "children"), Input("g", prop), prevent_initial_call=True)(json.dumps)
    return app


def test_what_the_plot_cannot_do_is_a_clear_error_and_sends_nothing(propwire_browser: Any) -> None:
    page = propwire_browser(echo_app(FIGURE, "clickData", "selectedData", "relayoutData"))
    off_axes = {**FIGURE, "layout": {**FIGURE["layout"], "xaxis": {"range": [0, 2.5]}}}
    cases = [
        (lambda: page.click_point("g", 0, 7), "graph 'g': trace 0 has no point 7"),
        (lambda: page.select_points("g", [(0, 1)]), "needs layout.dragmode 'select' (it has 'zoom')"),
        (lambda: page.relayout("g", {"xaxis.range[0]": -1, "xaxis.range[1]": 2}), "zooms in only"),
        (lambda: page.relayout("g", {"dragmode": "pan"}), "relayout does a zoom drag"),
        (lambda: page.click_legend("g", 0), "trace 0 has no legend item"),
        (lambda: page.click_point("clickData", 0, 0), "'clickData' is a Pre, not a dcc.Graph"),
    ]
    for act, message in cases:
        with pytest.raises(GraphPointError, match=message.replace("(", r"\(").replace(")", r"\)")):
            act()
    two = {**FIGURE, "data": [*FIGURE["data"], {"type": "bar", "y": [1, 2]}], "layout": {**FIGURE["layout"], "showlegend": True}}
    page.set_props("g", figure=two)
    with pytest.raises(GraphPointError, match='legend item of trace 0 is covered by <button class="modebar-btn"'):
        page.click_legend("g", 0)  # the legend's top right corner, under the modebar
    page.set_props("g", figure=off_axes)
    with pytest.raises(GraphPointError, match="point 3 of trace 0 is not drawn in the plot area"):
        page.click_point("g", 0, 3)
    assert [page.text(p) for p in ("clickData", "selectedData", "relayoutData")] == ["", "", ""]


def test_a_box_holding_more_points_than_given_is_refused(propwire_browser: Any) -> None:
    figure = {**FIGURE, "layout": {**FIGURE["layout"], "dragmode": "select"}}
    page = propwire_browser(echo_app(figure, "selectedData"))
    with pytest.raises(GraphPointError, match=r"would also take points \[\[0, 1\], \[0, 2\]\]"):
        page.select_points("g", [(0, 0), (0, 3)])  # the box from (1, 10) to (4, 40) holds the two between
    assert page.text("selectedData") == ""
    page.select_points("g", [(0, 0), (0, 1), (0, 2), (0, 3)])
    assert sorted(p["pointNumber"] for p in json.loads(page.text("selectedData"))["points"]) == [0, 1, 2, 3]


def test_a_point_under_another_trace_s_point_is_refused(propwire_browser: Any) -> None:
    twin = {"type": "scatter", "mode": "markers", "x": [3], "y": [20]}
    page = propwire_browser(echo_app({**FIGURE, "data": [*FIGURE["data"], twin]}, "clickData"))
    hits = []
    for curve, point in ((0, 2), (1, 0)):  # one of the two is what plotly reports at that spot
        try:
            page.click_point("g", curve, point)
            hits.append((curve, point))
        except GraphPointError as exc:
            assert "other points are drawn there" in str(exc)
    assert len(hits) == 1
    [got] = json.loads(page.text("clickData"))["points"]
    assert (got["curveNumber"], got["pointNumber"]) == hits[0]


def test_the_verbs_wait_for_their_callbacks_and_two_clicks_are_two_clicks(propwire_browser: Any) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Graph(id="g", figure=FIGURE), html.Pre(id="clicks"), html.Pre(id="view")])
    seen: list[int] = []
    gate = threading.Event()

    @app.callback(Output("clicks", "children"), Input("g", "clickData"), prevent_initial_call=True)
    def clicks(value: Any) -> str:
        gate.wait(0.3)  # slow: the verb must still return only once the output is in
        seen.append(value["points"][0]["pointNumber"])
        return str(len(seen))

    @app.callback(Output("view", "children"), Input("g", "relayoutData"), prevent_initial_call=True)
    def view(value: Any) -> str:
        return json.dumps(value)

    page = propwire_browser(app)
    page.click_point("g", 0, 1)
    assert page.text("clicks") == "1"
    page.click_point("g", 0, 1)
    assert page.text("clicks") == "2" and seen == [1, 1]
    assert page.text("view") == ""  # the two clicks were not a double-click (which autoscales)
    [call] = page.calls()
    assert call.name == "clicks" and call.status == "ran"


def test_hovering_the_hovered_point_sends_nothing(propwire_browser: Any) -> None:
    page = propwire_browser(echo_app(FIGURE, "hoverData"))
    page.hover_point("g", 0, 2)
    assert json.loads(page.text("hoverData"))["points"][0]["customdata"] == "c"
    assert len(page.calls()) == 1
    page.hover_point("g", 0, 2)
    assert page.calls() == []


def test_pattern_ids_and_typed_array_figures(propwire_browser: Any) -> None:
    y = np.array([5.5, 7.25, 6.0, 9.75])
    figure = encode_figure({**FIGURE, "data": [{"type": "scatter", "mode": "markers", "x": np.arange(1, 5), "y": y}],
                            "layout": {**FIGURE["layout"], "yaxis": {"range": [0, 10]}}})
    app = Dash(__name__)
    app.layout = html.Div([html.Div([dcc.Graph(id={"t": "g", "i": i}, figure=figure), html.Pre(id={"t": "out", "i": i})]) for i in (1, 2)])

    @app.callback(Output({"t": "out", "i": MATCH}, "children"), Input({"t": "g", "i": MATCH}, "clickData"), prevent_initial_call=True)
    def show(value: Any) -> str:
        point = value["points"][0]
        return f"{point['x']} {point['y']}"

    page = propwire_browser(app)
    with pytest.raises(GraphPointError, match='point 3 of trace 0 is covered by <button class="modebar-btn"'):
        page.click_point({"t": "g", "i": 2}, 0, 3)  # (4, 9.75): top right, under the modebar's buttons
    page.click_point({"t": "g", "i": 2}, 0, 1)
    assert (page.text({"t": "out", "i": 1}), page.text({"t": "out", "i": 2})) == ("", "2 7.25")


def test_relayout_zooms_the_subplot_its_axes_name(propwire_browser: Any) -> None:
    trace = FIGURE["data"][0]
    figure = {"data": [trace, {**trace, "xaxis": "x2", "yaxis": "y2"}],
              "layout": {**FIGURE["layout"], "width": 700, "xaxis": {"domain": [0, 0.45], "range": [0, 5]},
                         "xaxis2": {"domain": [0.55, 1], "anchor": "y2", "range": [0, 5]},
                         "yaxis2": {"anchor": "x2", "range": [0, 50]}}}
    page = propwire_browser(echo_app(figure, "relayoutData"))
    page.relayout("g", {"xaxis2.range[0]": 1, "xaxis2.range[1]": 4})  # an x-only drag across the right subplot
    got = json.loads(page.text("relayoutData"))
    assert set(got) == {"xaxis2.range[0]", "xaxis2.range[1]"}
    assert (got["xaxis2.range[0]"], got["xaxis2.range[1]"]) == (pytest.approx(1, abs=0.05), pytest.approx(4, abs=0.05))
    page.relayout("g", {"yaxis2.range[0]": 10, "yaxis2.range[1]": 40})
    assert set(json.loads(page.text("relayoutData"))) == {"yaxis2.range[0]", "yaxis2.range[1]"}
    with pytest.raises(GraphPointError, match="one x axis and its y axis"):
        page.relayout("g", {"xaxis.range[0]": 1, "xaxis.range[1]": 2, "yaxis2.range[0]": 10, "yaxis2.range[1]": 40})
    page.relayout("g", {"xaxis.range[0]": 1, "xaxis.range[1]": 2})
    with pytest.raises(GraphPointError, match=r"double-click gave relayoutData \{'xaxis.range': \[0, 5\]"):
        page.relayout("g", {"xaxis.autorange": True, "yaxis.autorange": True})  # plotly resets to the figure's range
