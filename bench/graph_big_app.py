"""The pages of bench/graph_big.py, served on either framework (the import line from bench/shim.py).

    BENCH_FRAMEWORK=dash|propwire python bench/graph_big_app.py big|extend PORT

big: a plotly.graph_objects figure of two Scattergl traces of 100,000 points each (x int, y float64: plotly.py
sends both as typed-array specs, to Dash and to propwire alike) and a button whose callback returns a Patch
recolouring trace 1 (a new colour per click). extend: a figure dict of one scattergl trace of 100,000 points (numpy arrays) and a button whose
callback returns extendData of 1,000 points with max points 100,000 (the window slides, the plot stays at
100,000 points).
"""

from __future__ import annotations

import os
import sys

import numpy as np
import plotly.graph_objects as go
from shim import Dash, Input, Output, Patch, dcc, html

N = 100_000
TICK = 1_000
LAYOUT = {"width": 900, "height": 500, "showlegend": False, "margin": {"l": 40, "r": 10, "t": 10, "b": 30}}


def colour(n: int) -> str:
    """The colour the n-th recolour click gives trace 1 (the bench waits for it to be drawn)."""
    return f"rgb({(n * 67) % 256}, {(n * 131) % 256}, 40)"


def big_figure() -> go.Figure:
    """The big page's figure: two Scattergl traces of N points (also drawn by graph_floor.py's bare page)."""
    rng = np.random.default_rng(15)
    return go.Figure([go.Scattergl(x=np.arange(N), y=rng.standard_normal(N), mode="markers", marker={"size": 3, "color": "steelblue"}),
                     go.Scattergl(x=np.arange(N), y=rng.standard_normal(N) + 4, mode="markers", marker={"size": 3, "color": "gray"})],
                     layout=LAYOUT)


def big_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("recolour", id="recolour"), dcc.Graph(id="g", figure=big_figure())])

    @app.callback(Output("g", "figure"), Input("recolour", "n_clicks"), prevent_initial_call=True)
    def recolour(n):
        patched = Patch()
        patched["data"][1]["marker"]["color"] = colour(n)
        return patched

    return app


def extend_figure() -> dict:
    """The extend page's figure: one scattergl trace of N points, a dict holding numpy arrays."""
    rng = np.random.default_rng(16)
    # A dict figure with numpy arrays (Dash sends them as lists, propwire as typed arrays): with a go.Figure
    # (typed arrays on both) Dash 4.4.1's extendData fails ("cannot extend missing or non-array attribute").
    fig = {"data": [{"type": "scattergl", "x": np.arange(N), "y": rng.standard_normal(N), "mode": "lines"}],
           "layout": LAYOUT}
    return fig


def extend_app() -> Dash:
    rng = np.random.default_rng(17)
    app = Dash(__name__)
    app.layout = html.Div([html.Button("tick", id="tick"), dcc.Graph(id="g", figure=extend_figure())])

    @app.callback(Output("g", "extendData"), Input("tick", "n_clicks"), prevent_initial_call=True)
    def tick(n):
        start = N + (n - 1) * TICK  # x keeps counting: the bench waits for the last new x to be drawn
        return [{"x": [list(range(start, start + TICK))], "y": [rng.standard_normal(TICK).tolist()]}, [0], N]

    return app


if __name__ == "__main__":
    page, port = sys.argv[1], int(sys.argv[2])
    (big_app if page == "big" else extend_app)().run(port=port, debug=False)
elif os.environ.get("BENCH_GRAPH_PAGE"):  # imported by uvicorn: Dash's FastAPI backend (bench/graph_page_bytes.py)
    server = (big_app if os.environ["BENCH_GRAPH_PAGE"] == "big" else extend_app)().server
