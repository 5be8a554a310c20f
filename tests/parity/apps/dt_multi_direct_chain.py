"""input-1 feeds input-2 and both feed the output: one call each per change, in the right order."""
from ._shim import Dash, Input, Output, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="input-1", value="input 1"), dcc.Input(id="input-2"),
                       html.Div("test", id="output")])


@app.callback(Output("input-2", "value"), Input("input-1", "value"))
def update_input(input1):
    log("update_input", input1)
    return f"<<{input1}>>"


@app.callback(Output("output", "children"), Input("input-1", "value"), Input("input-2", "value"))
def update_output(input1, input2):
    log("update_output", input1, input2)
    return f"{input1} + {input2}"


STEPS = [("type", "input-1", "input 1x"), ("type", "input-2", "<<input 1x>>y")]
