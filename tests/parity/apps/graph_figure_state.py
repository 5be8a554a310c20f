"""A callback returns a new figure for a dcc.Graph; another reads the figure as State and the clicked bar."""
from ._shim import Dash, Input, Output, State, callback, dcc, html, log

START = {"data": [{"type": "bar", "x": ["a", "b", "c"], "y": [3, 1, 2]}],
         "layout": {"width": 420, "height": 300}}

app = Dash(__name__)
app.layout = html.Div([
    html.Button("add", id="add"),
    dcc.Graph(id="g", figure=START),
    dcc.Graph(id="empty"),
    html.Div(id="out"),
])


@callback(Output("g", "figure"), Input("add", "n_clicks"), State("g", "figure"), prevent_initial_call=True)
def add(n, figure):
    log("add", n, len(figure["data"]), figure["data"][0]["y"])
    bar = {"type": "bar", "x": ["a", "b", "c"], "y": [n, n + 1, n + 2]}
    return {**figure, "data": [*figure["data"], bar]}


@callback(Output("out", "children"), Input("g", "clickData"), State("g", "figure"), State("empty", "figure"))
def show(click, figure, empty):
    point = click["points"][0] if click else {}
    log("show", point.get("curveNumber"), point.get("x"), point.get("y"), len(figure["data"]), empty)
    return f"{len(figure['data'])} traces, clicked {point.get('x')}"


STEPS = [
    ("graph_click", "g", 0, 1),
    ("click", "add"),
    ("graph_click", "g", 1, 2),
]
