"""A callback whose Input is its own Output (a number box that adds one when typed in) plus a follower."""
from ._shim import Dash, Input, Output, callback_context, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([html.Div("0", id="input-text"), dcc.Input(id="input", type="number", value=0)])


@app.callback(Output("input", "value"), Input("input", "value"))
def circular_output(v):
    log("circular_output", v, bool(callback_context.triggered))
    if not callback_context.triggered:
        return v
    return v + 1


@app.callback(Output("input-text", "children"), Input("input", "value"))
def follower_output(v):
    log("follower_output", v)
    return str(v)


STEPS = [("type", "input", "2"), ("type", "input", "10")]
