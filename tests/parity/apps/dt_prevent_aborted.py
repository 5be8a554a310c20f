"""PreventUpdate (first two calls) and no_update (later ones) both leave the output alone and trigger nothing."""
from ._shim import Dash, Input, Output, PreventUpdate, dcc, html, log, no_update

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="input", value="initial input"), html.Div("initial output", id="output1"),
                       html.Div("initial output", id="output2")])
CALLS = {"n": 0}


@app.callback(Output("output1", "children"), [Input("input", "value")])
def callback1(value):
    log("callback1", value)
    CALLS["n"] += 1
    if CALLS["n"] > 2:
        return no_update
    raise PreventUpdate("testing callback does not update")


@app.callback(Output("output2", "children"), [Input("output1", "children")], prevent_initial_call=True)
def callback2(value):
    log("callback2", value)
    return value


STEPS = [("type", "input", "initial inputx"), ("type", "input", "initial inputxy"), ("type", "input", "initial inputxyz")]
