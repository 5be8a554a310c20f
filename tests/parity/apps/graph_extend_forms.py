"""extendData in its other forms: the update alone (every trace the first key's arrays name), max points as a list
(ignored, as plotly.js ignores it) and per attribute and trace, and prependData with max points; a callback reads
the grown figure as State after each."""
from ._shim import Dash, Input, Output, State, callback, ctx, dcc, html, log

FIGURE = {"data": [{"type": "scatter", "mode": "markers", "x": [0, 1], "y": [1, 2]},
                   {"type": "scatter", "mode": "markers", "x": [0, 1], "y": [3, 4]}],
          "layout": {"width": 460, "height": 300, "showlegend": False}}

app = Dash(__name__)
app.layout = html.Div([
    html.Button("both", id="both"), html.Button("front", id="front"), html.Button("read", id="read"),
    dcc.Graph(id="g", figure=FIGURE), html.Div(id="out"),
])


@callback(Output("g", "extendData"), Input("both", "n_clicks"), prevent_initial_call=True)
def both(n):
    log("both", n)
    if n == 1:  # the update alone
        return {"x": [[1 + n], [1 + n]], "y": [[10 * n], [20 * n]]}
    if n == 2:  # a list of max points is no form plotly.js knows: no cap at all
        return [{"y": [[-n, -n - 1], [n]], "x": [[1 + n, 1.5 + n], [1 + n]]}, [0, 1], [3, 2]]
    # max points per attribute and trace
    return [{"y": [[n], [n]], "x": [[1 + n], [1 + n]]}, [0, 1], {"y": [3, 2], "x": [4, 2]}]


@callback(Output("g", "prependData"), Input("front", "n_clicks"), prevent_initial_call=True)
def front(n):
    log("front", n)
    return [{"x": [[-n, -n + 0.5]], "y": [[100, 200]]}, [1], 3]


@callback(Output("out", "children"), Input("read", "n_clicks"), Input("g", "extendData"), State("g", "figure"),
          prevent_initial_call=True)
def read(n, _extended, figure):
    traces = [[t["x"], t["y"]] for t in figure["data"]]
    log("read", ctx.triggered_id, traces)
    return str([len(t[1]) for t in traces])


STEPS = [
    ("click", "both"),
    ("click", "both"),
    ("click", "front"),
    ("click", "read"),
    ("click", "both"),
    ("click", "read"),
]
