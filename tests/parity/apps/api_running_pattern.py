"""running= with pattern-matching Outputs: each instance's own button is disabled while it runs, enabled after."""
import time

from _shim import MATCH, Dash, html, Input, Output, callback, log

app = Dash(__name__)
app.layout = html.Div([html.Div([html.Button(f"Run {i}", id={"run": i}), html.Div(id={"res": i})]) for i in range(2)])


@callback(Output({"res": MATCH}, "children"), Input({"run": MATCH}, "n_clicks"),
          running=[(Output({"run": MATCH}, "disabled"), True, False)], prevent_initial_call=True)
def work(n):
    log("work", n)
    time.sleep(0.1)
    return f"ran {n}"


STEPS = [
    ("click", {"run": 0}),
    ("click", {"run": 1}),
    ("click", {"run": 0}),
]
