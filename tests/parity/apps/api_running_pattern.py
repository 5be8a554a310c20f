"""running= with pattern-matching Outputs: each instance's own button is disabled while it runs, enabled after."""
import time

from ._shim import MATCH, Dash, Input, Output, callback, html, log

app = Dash(__name__)
app.layout = html.Div([html.Div([html.Button(f"Run {i}", id={"kind": "run", "i": i}),
                                 html.Div(id={"kind": "res", "i": i})]) for i in range(2)])


@callback(Output({"kind": "res", "i": MATCH}, "children"), Input({"kind": "run", "i": MATCH}, "n_clicks"),
          running=[(Output({"kind": "run", "i": MATCH}, "disabled"), True, False)], prevent_initial_call=True)
def work(n):
    log("work", n)
    time.sleep(0.1)
    return f"ran {n}"


STEPS = [
    ("click", {"kind": "run", "i": 0}),
    ("click", {"kind": "run", "i": 1}),
    ("click", {"kind": "run", "i": 0}),
]
