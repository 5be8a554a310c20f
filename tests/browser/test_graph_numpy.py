"""Big-data paths of dcc.Graph in Chromium: numpy figures (in the layout, or returned by a callback) and
plotly.express figures (plotly.py's {dtype, bdata}) travel as typed-array specs and plotly.js draws exactly their
values, as typed arrays; extendData / prependData with max points grow the figure a later callback reads as State
to exactly the points drawn, and do not fire callbacks on `figure` (as on Dash)."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd
import plotly.express as px

from propwire import Dash, Input, Output, State, dcc, html
from propwire.api.typed_arrays import decode_typed_array, is_typed_array_spec

KINDS = {"i1": "Int8Array", "u1": "Uint8Array", "i2": "Int16Array", "u2": "Uint16Array", "i4": "Int32Array",
         "u4": "Uint32Array", "f4": "Float32Array", "f8": "Float64Array"}
LAYOUT = {"width": 600, "height": 500, "margin": {"l": 40, "r": 10, "t": 10, "b": 30}, "showlegend": False}
# a 2 x 2 grid: each trace on its own axes (their x ranges differ by orders of magnitude)
GRID = {**LAYOUT, **{f"xaxis{n}": {"domain": dx, "anchor": f"y{n}"} for n, dx in
                     (("", [0, 0.45]), ("2", [0.55, 1]), ("3", [0, 0.45]), ("4", [0.55, 1]))},
        **{f"yaxis{n}": {"domain": dy, "anchor": f"x{n}"} for n, dy in
           (("", [0.55, 1]), ("2", [0.55, 1]), ("3", [0, 0.45]), ("4", [0, 0.45]))}}


def numpy_figure(seed: int) -> tuple[dict, list[dict[str, np.ndarray]]]:
    """A figure of numpy arrays of several dtypes and a 2-D heatmap z, and the arrays (for the expected values)."""
    rng = np.random.default_rng(seed)
    arrays = [
        {"x": np.arange(-3, 3, dtype="int8"), "y": rng.normal(size=6).astype("float32")},
        {"x": np.arange(6, dtype="uint16") * 1000, "y": rng.integers(-(2**30), 2**30, size=6, dtype="int32")},
        {"x": np.arange(6, dtype="int64") + 10**6, "y": rng.normal(size=6)},
    ]
    traces: list[dict[str, Any]] = [{"type": "scatter", "mode": "markers", "xaxis": f"x{n}", "yaxis": f"y{n}", **a}
                                    for n, a in zip(("", "2", "3"), arrays)]
    z = rng.normal(size=(3, 4))
    traces.append({"type": "heatmap", "z": z, "xaxis": "x4", "yaxis": "y4"})
    arrays.append({"z": z})
    return {"data": traces, "layout": GRID}, arrays


def check_drawn(page: Any, arrays: list[dict[str, np.ndarray]]) -> None:
    """plotly.js drew every array with the values sent, as the typed array its wire dtype names."""
    sent = page.prop("g", "figure")["data"]
    drawn = page.drawn("g")
    for trace, wire, want in zip(drawn, sent, arrays, strict=True):
        for key, values in want.items():
            spec = wire[key]
            assert set(spec) >= {"dtype", "bdata"}, f"{key} went as a JSON list"  # the compact form on the wire
            assert trace[key] == values.tolist()
            assert trace["kinds"][key] == KINDS[spec["dtype"]] + ("[]" if values.ndim == 2 else "")


def test_a_numpy_figure_in_the_layout_draws_its_values_as_typed_arrays(propwire_browser: Any) -> None:
    figure, arrays = numpy_figure(1)
    app = Dash(__name__)
    app.layout = html.Div([dcc.Graph(id="g", figure=figure)])
    page = propwire_browser(app)
    check_drawn(page, arrays)
    assert page.errors() == []


def test_a_numpy_figure_from_a_callback_draws_its_values_and_hovers_them(propwire_browser: Any) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("draw", id="b"), dcc.Graph(id="g"), html.Pre(id="hover")])
    figure, arrays = numpy_figure(2)

    @app.callback(Output("g", "figure"), Input("b", "n_clicks"), prevent_initial_call=True)
    def draw(_n: int) -> dict:
        return figure

    @app.callback(Output("hover", "children"), Input("g", "hoverData"), prevent_initial_call=True)
    def hover(value: Any) -> str:
        return json.dumps([value["points"][0][k] for k in ("curveNumber", "pointNumber", "x", "y")])

    page = propwire_browser(app)
    page.click("b")
    check_drawn(page, arrays)
    for curve, point in ((0, 0), (1, 5), (2, 3)):
        page.hover_point("g", curve, point)
        a = arrays[curve]
        assert json.loads(page.text("hover")) == [curve, point, a["x"][point].item(), a["y"][point].item()]
    assert page.errors() == []


def test_a_plotly_express_figure_draws_right(propwire_browser: Any) -> None:
    df = pd.DataFrame({"w": np.linspace(0.5, 3.0, 12), "h": np.arange(12, dtype="int16") * 3,
                       "kind": ["a", "b", "c"] * 4, "tag": np.arange(12) + 100})
    fig = px.scatter(df, x="w", y="h", color="kind", custom_data=["tag"], width=600, height=400)
    assert "bdata" in fig.to_plotly_json()["data"][0]["x"]  # plotly.py sends it as a typed array itself
    app = Dash(__name__)
    app.layout = html.Div([dcc.Graph(id="g", figure=fig), html.Pre(id="click")])

    @app.callback(Output("click", "children"), Input("g", "clickData"), prevent_initial_call=True)
    def click(value: Any) -> str:
        point = value["points"][0]
        return json.dumps([point["x"], point["y"], point["customdata"]])

    page = propwire_browser(app)
    drawn = page.drawn("g")
    for trace, kind in zip(drawn, "abc", strict=True):
        rows = df[df["kind"] == kind]
        assert (trace["x"], trace["y"]) == (rows["w"].tolist(), rows["h"].tolist())
        assert trace["customdata"] == [[t] for t in rows["tag"]]
    page.hover_point("g", 1, 2)  # plotly hovers a point before clicking it
    page.click_point("g", 1, 2)
    row = df[df["kind"] == "b"].iloc[2]
    assert json.loads(page.text("click")) == [row["w"], row["h"], [row["tag"]]]
    assert page.errors() == []


def extend_app(figure: dict, fired: list[int]) -> Dash:
    """Buttons extending (max 4) and prepending (max 5) trace 0, and one reading the figure as State."""
    app = Dash(__name__)
    app.layout = html.Div([html.Button("extend", id="extend"), html.Button("prepend", id="prepend"),
                           html.Button("read", id="read"), dcc.Graph(id="g", figure=figure), html.Pre(id="state")])

    @app.callback(Output("g", "extendData"), Input("extend", "n_clicks"), prevent_initial_call=True)
    def extend(n: int) -> list:
        return [{"x": [[10 + n, 10.5 + n]], "y": [[n, -n]]}, [0], 4]

    @app.callback(Output("g", "prependData"), Input("prepend", "n_clicks"), prevent_initial_call=True)
    def prepend(n: int) -> list:
        return [{"x": [[-n]], "y": [[100 * n]]}, [0], 5]

    @app.callback(Output("state", "children"), Input("read", "n_clicks"), State("g", "figure"),
                  prevent_initial_call=True)
    def read(_n: int, fig: dict) -> str:
        def values(v: Any) -> list:  # a trace no extendData touched comes back as it went: a spec, if numpy
            return decode_typed_array(v).tolist() if is_typed_array_spec(v) else v

        return json.dumps([[values(fig["data"][0]["x"]), values(fig["data"][0]["y"])], [values(fig["data"][1]["y"])]])

    @app.callback(Output("g", "className"), Input("g", "figure"))
    def on_figure(_fig: dict) -> str:
        fired.append(1)  # once, at load: extendData and prependData are no change of `figure`
        return "plot"

    return app


def run_extend_steps(page: Any, fired: list[int]) -> None:
    """Extend and prepend with max points; after each step the figure read as State is what plotly.js drew."""
    steps = [("extend", [3, 4, 11, 11.5]), ("extend", [11, 11.5, 12, 12.5]), ("prepend", [-1, 11, 11.5, 12, 12.5]),
             ("prepend", [-2, -1, 11, 11.5, 12]), ("extend", [11.5, 12, 13, 13.5])]
    for button, xs in steps:
        page.click(button)
        page.click("read")
        drawn = page.drawn("g")
        state = json.loads(page.text("state"))
        assert state == [[drawn[0]["x"], drawn[0]["y"]], [drawn[1]["y"]]]
        assert state[0][0] == xs, button
        assert state[1] == [[7, 8, 9]]  # the other trace is untouched
    assert len(fired) == 1
    assert page.errors() == []


def test_extend_and_prepend_data_grow_the_figure_a_callback_reads_to_what_is_drawn(propwire_browser: Any) -> None:
    figure = {"data": [{"type": "scatter", "x": [1, 2, 3, 4], "y": [10, 20, 30, 40]}, {"type": "bar", "y": [7, 8, 9]}],
              "layout": LAYOUT}
    fired: list[int] = []
    run_extend_steps(propwire_browser(extend_app(figure, fired)), fired)


def test_extend_data_on_a_numpy_figure(propwire_browser: Any) -> None:
    figure = {"data": [{"type": "scatter", "x": np.arange(1, 5), "y": np.array([10.0, 20.0, 30.0, 40.0])},
                       {"type": "bar", "y": np.array([7, 8, 9], dtype="int8")}],
              "layout": LAYOUT}
    fired: list[int] = []
    page = propwire_browser(extend_app(figure, fired))
    assert "bdata" in page.prop("g", "figure")["data"][0]["x"]
    run_extend_steps(page, fired)


def test_a_legend_click_after_extend_data_still_reaches_the_figure(propwire_browser: Any) -> None:
    figure = {"data": [{"type": "scatter", "x": [1, 2], "y": [3, 4]}, {"type": "bar", "y": [7, 8, 9]}],
              "layout": {**LAYOUT, "showlegend": True, "legend": {"orientation": "h", "y": -0.15}}}  # clear of the modebar
    app = Dash(__name__)
    app.layout = html.Div([html.Button("extend", id="extend"), html.Button("read", id="read"),
                           dcc.Graph(id="g", figure=figure), html.Pre(id="state")])

    @app.callback(Output("g", "extendData"), Input("extend", "n_clicks"), prevent_initial_call=True)
    def extend(n: int) -> list:
        return [{"x": [[10 + n]], "y": [[n]]}, [0]]

    @app.callback(Output("state", "children"), Input("read", "n_clicks"), State("g", "figure"),
                  prevent_initial_call=True)
    def read(_n: int, fig: dict) -> str:
        return json.dumps([t.get("visible") for t in fig["data"]] + [fig["data"][0]["x"]])

    page = propwire_browser(app)
    page.click("extend")
    page.click_legend("g", 0)  # plotly.js writes visible into the drawn (extended) trace: the figure's own
    page.click("read")
    assert page.text("state") == '["legendonly", null, [1, 2, 11]]'
