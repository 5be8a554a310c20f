"""bench/graph_page_bytes.py's small Graph pages on either framework (the import line from bench/shim.py):
`common`, a bar and a scatter (propwire's cartesian plotly.js), and `polar`, a polar trace (its full plotly.js).

    python bench/graph_small_app.py common PORT           (app.run, debug off)
    BENCH_GRAPH_PAGE=common uvicorn graph_small_app:server (Dash's FastAPI backend: bench/graph_page_bytes.py)
"""

from __future__ import annotations

import os
import sys

from shim import Dash, Input, Output, dcc, html


def small_app(page: str) -> Dash:
    polar = page == "polar"
    trace = ({"type": "scatterpolar", "r": [1, 2, 3], "theta": [0, 90, 180]} if polar
             else {"type": "bar", "x": ["a", "b", "c"], "y": [3, 1, 2]})
    app = Dash(__name__)
    app.layout = html.Div([html.H1("Sales"), dcc.Graph(id="g", figure={
        "data": [trace, {"type": "scatter", "y": [1, 3, 2]}] if not polar else [trace]}), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("g", "clickData"))
    def show(click):
        return str(click)

    return app


if __name__ == "__main__":
    small_app(sys.argv[1]).run(port=int(sys.argv[2]), debug=False)
elif os.environ.get("BENCH_GRAPH_PAGE"):  # imported by uvicorn
    server = small_app(os.environ["BENCH_GRAPH_PAGE"]).server
