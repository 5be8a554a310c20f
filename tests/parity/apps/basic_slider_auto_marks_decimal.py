"""A dcc.Slider over 0..1 by 0.1 without marks: Dash 4.4.1 labels every step, min and max first (its marks are a
JavaScript object: integer keys come before "0.1" …), and drops the last step before max."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([dcc.Slider(0, 1, 0.1, value=0.3, id="s"), html.Div(id="out")])


@callback(Output("out", "children"), Input("s", "value"))
def show(value):
    log("show", value)
    return f"value {value}"


STEPS = [
    ("slide", "s", 0.8),
]
