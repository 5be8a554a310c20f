"""`running=` shows a component while the callback works and restores "off" when it is done."""
import time

from ._shim import Dash, Input, Output, html, log

app = Dash(__name__)
app.layout = html.Div([html.Div("off", id="running"), html.Button("start", id="start"), html.Div(id="output")])


@app.callback(Output("output", "children"), Input("start", "n_clicks"),
              running=[[Output("running", "children"), html.B("on", id="content"), "off"]],
              prevent_initial_call=True)
def on_click(n):
    log("on_click", n)
    time.sleep(0.2)
    return f"done {n}"


STEPS = [("click", "start"), ("click", "start")]
