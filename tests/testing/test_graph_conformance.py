"""The dcc.Graph verbs through the headless Client and through BrowserDriver (real mouse actions on the plot
plotly.js drew) give the same callback outputs: the `propwire_driver` fixture runs each test body with both.

The callbacks show what apps read of the event values: point numbers, x, y, customdata, ranges rounded to a
tenth (the browser's come from pixel positions). In Chromium the pointer really moves, so the steps hover a
point before clicking it, as a user does (docs/testing.md, "dcc.Graph").
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from propwire import Dash, Input, Output, State, dcc, html
from propwire.exceptions import PreventUpdate

Drive = Callable[..., Any]

SCATTER = {"type": "scatter", "mode": "markers", "x": [1, 2, 3, 4, 5], "y": [10, 30, 20, 40, 25],
           "customdata": ["a", "b", "c", "d", "e"], "marker": {"size": 12}, "name": "s"}
LAYOUT = {"width": 640, "height": 380, "margin": {"l": 40, "r": 10, "t": 10, "b": 30}}
MAIN = {"data": [SCATTER, {"type": "bar", "x": ["p", "q", "r"], "y": [3, 5, 2], "customdata": [7, 8, 9],
                           "xaxis": "x2", "yaxis": "y2", "name": "b"}],
        "layout": {**LAYOUT, "dragmode": "select", "xaxis": {"domain": [0, 0.55]},
                   "xaxis2": {"domain": [0.65, 1], "anchor": "y2"}, "yaxis2": {"anchor": "x2"},
                   "legend": {"orientation": "h", "x": 0.1, "y": -0.15},
                   "annotations": [{"x": 4.6, "y": 14, "text": "note", "captureevents": True, "showarrow": False}]}}
ZOOM = {"data": [SCATTER], "layout": LAYOUT}


def points(value: Any) -> str:
    if value is None:
        return "None"
    return " ".join(f"{p['curveNumber']}:{p['pointNumber']} x={p['x']} y={p['y']} c={p.get('customdata')}"
                    for p in value["points"])


def coarse(axis: str, value: Any) -> Any:
    """x to a tenth, y (ten times wider per pixel here) to a unit: what a pixel's precision allows."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    return round(float(value), 1) if axis.startswith("x") else round(value)


def rounded(box: dict) -> dict:
    return {axis: [coarse(axis, v) for v in values] for axis, values in sorted(box.items())}


def graph_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        dcc.Graph(id="g", figure=MAIN), html.Button("read", id="read"),
        *[html.Pre(id=name) for name in ("click", "hover", "selected", "restyle", "note", "figure", "zoom", "h-hover")],
        dcc.Graph(id="z", figure=ZOOM), dcc.Graph(id="h", figure=ZOOM, clear_on_unhover=True),
    ])

    @app.callback(Output("click", "children"), Input("g", "clickData"), prevent_initial_call=True)
    def click(value: Any) -> str:
        return points(value)

    @app.callback(Output("hover", "children"), Input("g", "hoverData"), prevent_initial_call=True)
    def hover(value: Any) -> str:
        return points(value)

    @app.callback(Output("h-hover", "children"), Input("h", "hoverData"), prevent_initial_call=True)
    def hover_h(value: Any) -> str:
        return points(value)

    @app.callback(Output("selected", "children"), Input("g", "selectedData"), prevent_initial_call=True)
    def selected(value: Any) -> str:
        if value is None:
            return "None"
        shape = {"range": rounded(value["range"])} if "range" in value else {"lasso": rounded(value["lassoPoints"])}
        return f"{points(value)} {json.dumps(shape, sort_keys=True)}"

    @app.callback(Output("restyle", "children"), Input("g", "restyleData"), prevent_initial_call=True)
    def restyle(value: Any) -> str:
        return json.dumps(value)

    @app.callback(Output("note", "children"), Input("g", "clickAnnotationData"), prevent_initial_call=True)
    def note(value: Any) -> str:
        return f"{value['index']} {value['annotation']['text']} {isinstance(value['timestamp'], int)}"

    @app.callback(Output("figure", "children"), Input("read", "n_clicks"), State("g", "figure"),
                  prevent_initial_call=True)
    def read(_n: int, figure: dict) -> str:
        return json.dumps([trace.get("visible") for trace in figure["data"]])

    @app.callback(Output("zoom", "children"), Input("z", "relayoutData"), prevent_initial_call=True)
    def zoom(value: Any) -> str:
        axes = {k: coarse(k, v) for k, v in (value or {}).items() if k.startswith(("xaxis", "yaxis"))}
        if not axes:
            raise PreventUpdate  # e.g. a selection's {"selections": [...]}: not a change of the view
        return json.dumps(axes, sort_keys=True)

    return app


def test_points_selections_annotations_and_the_legend(propwire_driver: Drive) -> None:
    page = propwire_driver(graph_app())
    page.hover_point("g", 0, 1)
    assert page.text("hover") == "0:1 x=2 y=30 c=b"
    page.click_point("g", 0, 1)
    assert page.text("click") == "0:1 x=2 y=30 c=b"
    page.hover_point("g", 1, 1)
    page.click_point("g", 1, 1)
    assert (page.text("hover"), page.text("click")) == ("1:1 x=q y=5 c=8",) * 2
    page.select_points("g", [(0, 1), (0, 2)], range={"x": [1.5, 3.5], "y": [15, 35]})
    assert page.text("selected") == '0:1 x=2 y=30 c=b 0:2 x=3 y=20 c=c {"range": {"x": [1.5, 3.5], "y": [15, 35]}}'
    page.select_points("g", [])
    assert page.text("selected") == "None"
    page.click_annotation("g", 0)
    assert page.text("note") == "0 note True"
    page.click_legend("g", 1)
    assert page.text("restyle") == '[{"visible": ["legendonly"]}, [1]]'
    page.click("read")
    assert page.text("figure") == '[null, "legendonly"]'  # plotly.js wrote `visible` into the page's figure
    assert page.text("hover") == "1:1 x=q y=5 c=8"  # nothing since hovered another point
    assert page.errors() == []


def test_zoom_autoscale_hover_and_unhover(propwire_driver: Drive) -> None:
    page = propwire_driver(graph_app())
    page.relayout("z", {"xaxis.range[0]": 1.5, "xaxis.range[1]": 3.5, "yaxis.range[0]": 15, "yaxis.range[1]": 35})
    assert page.text("zoom") == ('{"xaxis.range[0]": 1.5, "xaxis.range[1]": 3.5, "yaxis.range[0]": 15, '
                                 '"yaxis.range[1]": 35}')
    page.relayout("z", {"xaxis.range[0]": 2, "xaxis.range[1]": 3})
    assert page.text("zoom") == '{"xaxis.range[0]": 2.0, "xaxis.range[1]": 3.0}'
    page.relayout("z", {"xaxis.autorange": True, "yaxis.autorange": True})
    assert page.text("zoom") == '{"xaxis.autorange": true, "yaxis.autorange": true}'
    page.hover_point("h", 0, 3)
    assert page.text("h-hover") == "0:3 x=4 y=40 c=d"
    page.unhover("h")
    assert page.text("h-hover") == "None"
    assert page.errors() == []


def test_a_lasso_selection(propwire_driver: Drive) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Graph(id="g", figure={"data": [SCATTER], "layout": {**LAYOUT, "dragmode": "lasso"}}),
                           html.Pre(id="out")])

    @app.callback(Output("out", "children"), Input("g", "selectedData"), prevent_initial_call=True)
    def show(value: Any) -> str:
        return f"{points(value)} {rounded(value['lassoPoints'])}"

    page = propwire_driver(app)
    page.select_points("g", [(0, 2), (0, 3)], lasso={"x": [2.5, 4.5, 4.5, 2.5], "y": [15, 15, 41, 41]})
    assert page.text("out") == ("0:2 x=3 y=20 c=c 0:3 x=4 y=40 c=d "
                                "{'x': [2.5, 4.5, 4.5, 2.5], 'y': [15, 15, 41, 41]}")
