"""A dcc.RangeSlider over -6..6 without marks: a label per step, in Dash 4.4.1's order (0 … 6, then -5 … -1 as
added, then min -6)."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([dcc.RangeSlider(-6, 6, 1, value=[-2, 3], id="r"), html.Div(id="out")])


@callback(Output("out", "children"), Input("r", "value"))
def show(value):
    log("show", value)
    return f"range {value}"


STEPS = [
    ("slide", "r", 5),
]
