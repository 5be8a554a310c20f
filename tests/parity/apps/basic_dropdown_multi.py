"""A multi dcc.Dropdown: picking two options, then dropping one; the value keeps the order they were picked in."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Dropdown([{"label": "One", "value": 1}, {"label": "Two", "value": 2}, {"label": "Three", "value": 3}],
                 [1], id="multi", multi=True),
    html.Div(id="out"),
])


@callback(Output("out", "children"), Input("multi", "value"))
def show(value):
    log("show", value)
    return f"chosen {value}"


STEPS = [
    ("select", "multi", [1, 3]),
    ("select", "multi", [3]),
    ("select", "multi", [3, 2]),
]
