"""A callback sets a cookie through ctx.response while returning its output; a later call reads it back."""
from ._shim import Dash, Input, Output, callback_context, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="input", value="ab"), html.Div(id="output")])


@app.callback(Output("output", "children"), [Input("input", "value")])
def update_output(value):
    log("update_output", value)
    callback_context.response.set_cookie("dash_cookie", value + " - cookie")
    return value + " - output"


STEPS = [("type", "input", "abcd"), ("type", "input", "abcde")]
