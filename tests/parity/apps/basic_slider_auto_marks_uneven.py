"""Sliders without marks whose max is no multiple of the step (0..11 by 2: the mark before max is dropped) and
with marks=None beside one with only out-of-range marks (Dash 4.4.1: none, and auto marks)."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Slider(0, 11, 2, value=4, id="uneven"),
    dcc.Slider(0, 10, 1, value=2, marks=None, id="bare"),
    dcc.Slider(0, 5, 1, value=1, marks={20: "far"}, id="outside"),
    html.Div(id="out"),
])


@callback(Output("out", "children"), Input("uneven", "value"), Input("bare", "value"), Input("outside", "value"))
def show(uneven, bare, outside):
    log("show", uneven, bare, outside)
    return f"{uneven} {bare} {outside}"


STEPS = [
    ("slide", "uneven", 8),
    ("slide", "outside", 3),
]
