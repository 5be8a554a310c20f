"""Two quick clicks on a two-output callback whose first click is slower: both outputs end on the last click."""
import time

from ._shim import Dash, Input, Output, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("Click", id="input", n_clicks=0), html.Div(id="output1"),
                       html.Div(id="output2")])


@app.callback(Output("output1", "children"), Output("output2", "children"), Input("input", "n_clicks"))
def update_output(n_clicks):
    log("update_output", n_clicks)
    if n_clicks == 1:
        time.sleep(0.3)
    return n_clicks, n_clicks + 1


STEPS = [("click", "input", {"wait": False}), ("click", "input")]
