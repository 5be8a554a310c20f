"""Dash(prevent_initial_callbacks=True) covers an allow_duplicate Output whose callback has no prevent_initial_call."""
from ._shim import Dash, Input, Output, html, log

app = Dash(__name__, prevent_initial_callbacks=True)
app.layout = html.Div([html.Button("A", id="a"), html.Button("B", id="b"), html.Div("start", id="out")])


@app.callback(Output("out", "children"), Input("a", "n_clicks"))
def from_a(n):
    log("from_a", n)
    return f"a {n}"


@app.callback(Output("out", "children", allow_duplicate=True), Input("b", "n_clicks"))
def from_b(n):
    log("from_b", n)
    return f"b {n}"


STEPS = [
    ("click", "b"),
    ("click", "a"),
    ("click", "b"),
]
