"""A two-output callback returning a single no_update at load leaves both outputs; later it fills both."""
from ._shim import Dash, Input, Output, dcc, html, log, no_update

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="input-box", type="text", value=""), html.Button("Submit", id="button"),
                       html.Div("Output 1 will be displayed here", id="output-1"),
                       html.Div("Output 2 will be displayed here", id="output-2")])


@app.callback(Output("output-1", "children"), Output("output-2", "children"), Input("button", "n_clicks"),
              Input("input-box", "value"))
def update_outputs(n_clicks, value):
    log("update_outputs", n_clicks, value)
    if n_clicks is None:
        return no_update
    return "Hello", f"world {value}!"


STEPS = [("type", "input-box", "x"), ("click", "button"), ("type", "input-box", "xy")]
