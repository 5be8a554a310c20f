"""Graphs whose figure comes from callbacks: one from the initial call (a fixed size), one inserted with its figure
by a click (its size free); callbacks see each one's relayoutData from its first plot on, and a click on it."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([dcc.Graph(id="late"), html.Button("add", id="add"), html.Div(id="slot"),
                       html.Div(id="late-out"), html.Div(id="new-out")])


@callback(Output("late", "figure"), Input("add", "n_clicks"))
def late(n):
    log("late", n)
    return {"data": [{"type": "bar", "x": ["p", "q"], "y": [2, 3 + (n or 0)]}],
            "layout": {"width": 360, "height": 260}}


@callback(Output("slot", "children"), Input("add", "n_clicks"), prevent_initial_call=True)
def add(n):
    log("add", n)
    return dcc.Graph(id="new", figure={"data": [{"type": "scatter", "mode": "markers", "x": [1, 2, 3],
                                                 "y": [n, 2 * n, n], "marker": {"size": 14}}],
                                       "layout": {"height": 260, "hovermode": "closest"}})


@callback(Output("late-out", "children"), Input("late", "relayoutData"))
def late_out(relayout):
    log("late_out", relayout)
    return str(relayout)


@callback(Output("new-out", "children"), Input("new", "relayoutData"), Input("new", "clickData"))
def new_out(relayout, click):
    point = click["points"][0] if click else {}
    log("new_out", relayout, point.get("x"), point.get("y"))
    return f"{relayout} {point.get('y')}"


STEPS = [
    ("click", "add"),
    ("graph_click", "new", 0, 1),
]
