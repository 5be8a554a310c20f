"""Three rapid clicks where the first click's call is the slowest: called once per click, ends on 3."""
import time

from ._shim import Dash, Input, Output, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("Click", id="input", n_clicks=0), html.Div(id="output")])


@app.callback(Output("output", "children"), Input("input", "n_clicks"))
def update_output(n_clicks):
    log("update_output", n_clicks)
    if n_clicks == 1:
        time.sleep(0.3)
    return n_clicks


STEPS = [("click", "input", {"wait": False}), ("click", "input", {"wait": False}), ("click", "input")]
