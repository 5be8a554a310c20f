"""extendData and prependData on a dcc.Graph, with max points: the plot grows (its autoranged axes show it) while
the figure a callback reads stays as the layout and callbacks set it."""
from ._shim import Dash, Input, Output, State, callback, dcc, html, log

FIGURE = {"data": [{"type": "scatter", "mode": "lines+markers", "x": [0, 1, 2], "y": [0, 10, 20]},
                   {"type": "scatter", "mode": "lines+markers", "x": [0, 1, 2], "y": [5, 5, 5]}],
          "layout": {"width": 480, "height": 320, "showlegend": False}}

app = Dash(__name__)
app.layout = html.Div([
    html.Button("extend", id="extend"), html.Button("prepend", id="prepend"), html.Button("read", id="read"),
    dcc.Graph(id="g", figure=FIGURE), html.Div(id="out"),
])


@callback(Output("g", "extendData"), Input("extend", "n_clicks"), prevent_initial_call=True)
def extend(n):
    log("extend", n)
    return [{"x": [[2 + n], [2 + n]], "y": [[20 + 10 * n], [5 - n]]}, [0, 1], 4]


@callback(Output("g", "prependData"), Input("prepend", "n_clicks"), prevent_initial_call=True)
def prepend(n):
    log("prepend", n)
    return [{"x": [[-n]], "y": [[-10 * n]]}, [0]]


@callback(Output("out", "children"), Input("read", "n_clicks"), State("g", "figure"), State("g", "extendData"),
          prevent_initial_call=True)
def read(n, figure, extended):
    log("read", n, [t["y"] for t in figure["data"]], extended)
    return str([len(t["y"]) for t in figure["data"]])


STEPS = [
    ("click", "extend"),
    ("click", "extend"),
    ("click", "prepend"),
    ("click", "read"),
    ("click", "extend"),
]
