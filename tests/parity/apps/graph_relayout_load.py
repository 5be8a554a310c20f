"""relayoutData of a Graph whose layout leaves its size free, and of a fixed-size one, from page load on (Dash
resizes a plot once it is drawn); then a zoom on the free one."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

DATA = [{"type": "scatter", "mode": "markers", "x": [1, 2, 3, 4], "y": [10, 30, 20, 40]}]

app = Dash(__name__)
app.layout = html.Div([
    dcc.Graph(id="free", figure={"data": DATA, "layout": {"xaxis": {"range": [0, 5]}, "yaxis": {"range": [0, 50]}}},
              style={"width": "600px", "height": "350px"}),
    dcc.Graph(id="fixed", figure={"data": DATA, "layout": {"width": 400, "height": 300}}),
    html.Div(id="out"),
])


@callback(Output("out", "children"), Input("free", "relayoutData"), Input("fixed", "relayoutData"))
def show(free, fixed):
    rounded = {k: round(v, 1) if isinstance(v, float) else v for k, v in sorted((free or {}).items())}
    log("show", rounded, fixed)
    return f"{rounded} {fixed}"


STEPS = [
    ("graph_drag", "free", [1, 10], [3, 40]),
]
