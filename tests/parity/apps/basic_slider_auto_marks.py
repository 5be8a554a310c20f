"""A dcc.Slider without marks: Dash 4.4.1 draws a mark label per step (0 … 10); moving it runs the callback."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([dcc.Slider(0, 10, 1, value=4, id="s"), html.Div(id="out")])


@callback(Output("out", "children"), Input("s", "value"))
def show(value):
    log("show", value)
    return f"value {value}"


STEPS = [
    ("slide", "s", 8),
]
