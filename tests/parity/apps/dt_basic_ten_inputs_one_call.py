"""A callback with ten Inputs runs exactly once at load, with all ten initial values."""
import json

from ._shim import Dash, Input, Output, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Div([dcc.Input(value=f"Input {i}", id=f"input-{i}") for i in range(10)]),
    html.Div(id="container"),
    dcc.RadioItems(),
])


@app.callback(Output("container", "children"), [Input(f"input-{i}", "value") for i in range(10)])
def dynamic_output(*args):
    log("dynamic_output", *args)
    return json.dumps(args)


STEPS = [("type", "input-3", "three")]
