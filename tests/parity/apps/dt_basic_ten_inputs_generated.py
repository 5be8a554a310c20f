"""Ten inputs appear on a click; the callback over all ten runs once for their arrival, not once per input."""
import json

from ._shim import Dash, Input, Output, dcc, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([html.Button("Display Content", id="display-content"), html.Div(id="container"),
                       dcc.RadioItems()])


@app.callback(Output("container", "children"), Input("display-content", "n_clicks"))
def display_output(n_clicks):
    log("display_output", n_clicks)
    if not n_clicks:
        return ""
    return html.Div([
        html.Div([dcc.Input(value=f"Input {i}", id=f"input-{i}") for i in range(10)]),
        html.Div(id="dynamic-output"),
    ])


@app.callback(Output("dynamic-output", "children"), [Input(f"input-{i}", "value") for i in range(10)])
def dynamic_output(*args):
    log("dynamic_output", *args)
    return json.dumps(args)


STEPS = [("click", "display-content"), ("type", "input-9", "nine")]
