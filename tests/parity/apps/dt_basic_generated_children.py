"""A callback returns new components; the callback whose input and output live in them runs once as an initial call."""
from ._shim import Dash, Input, Output, dcc, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([dcc.Input(id="input", value="initial value"), html.Div(id="output")])


@app.callback(Output("output", "children"), Input("input", "value"))
def pad_output(value):
    log("pad_output", value)
    return html.Div([
        dcc.Input(id="sub-input-1", value="sub input initial value"),
        html.Div(id="sub-output-1"),
    ])


@app.callback(Output("sub-output-1", "children"), Input("sub-input-1", "value"))
def update_input(value):
    log("update_input", value)
    return value


STEPS = [
    ("type", "sub-input-1", "sub input initial valuedeadbeef"),
    ("type", "input", "changed outer"),
]
