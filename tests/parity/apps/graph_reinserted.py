"""A callback replaces a Graph with a new one of the same id: Dash mounts the new Graph, which plots and resizes
as a first plot does (relayoutData {autosize: True} again), and drops the old one's clickData."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([html.Button("draw", id="draw"), html.Div(id="slot"), html.Div(id="out")])


@callback(Output("slot", "children"), Input("draw", "n_clicks"), prevent_initial_call=True)
def draw(n):
    log("draw", n)
    return dcc.Graph(id="g", figure={"data": [{"type": "scatter", "mode": "markers", "x": [1, 2, 3],
                                               "y": [n, 2 * n, n], "marker": {"size": 14}}],
                                     "layout": {"height": 260, "hovermode": "closest"}})


@callback(Output("out", "children"), Input("g", "relayoutData"), Input("g", "clickData"))
def show(relayout, click):
    point = click["points"][0] if click else {}
    log("show", relayout, point.get("x"), point.get("y"))
    return f"{relayout} {point.get('y')}"


STEPS = [
    ("click", "draw"),
    ("graph_click", "g", 0, 1),
    ("click", "draw"),
]
