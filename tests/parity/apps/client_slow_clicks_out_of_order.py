"""Three fast clicks on a slow callback whose first call is the slowest: each click calls it once, the
output ends on the newest click and never goes back."""
import time

from ._shim import Dash, Input, Output, callback, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("Go", id="btn"), html.Div(id="out")])


@callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
def slow(n):
    log("slow", n)
    time.sleep({1: 0.3, 2: 0.15}.get(n, 0.0))
    return f"clicked {n}"


STEPS = [
    ("click", "btn", {"wait": False}),
    ("click", "btn", {"wait": False}),
    ("click", "btn"),
]
