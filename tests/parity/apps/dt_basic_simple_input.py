"""Typing in an input updates a div nested among plain children; one call per change (Dash's simplest callback)."""
from ._shim import Dash, Input, Output, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Input(id="input", value="initial value"),
    html.Div(html.Div([1.5, None, "string", html.Div(id="output-1")]), id="wrap"),
])


@app.callback(Output("output-1", "children"), Input("input", "value"))
def update_output(value):
    log("update_output", value)
    return value


STEPS = [
    ("type", "input", ""),
    ("type", "input", "h"),
    ("type", "input", "hello"),
    ("type", "input", "hello world"),
]
