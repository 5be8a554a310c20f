"""The same absent State with and without allow_optional=True, for a plain id and for a MATCH id: without it the
callback is not called while the component is missing; with it, it is called with None in its place."""
from ._shim import MATCH, Dash, Input, Output, State, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Go", id="go"), html.Div(id="strict"), html.Div(id="lenient"),
    html.Div([html.Button(f"B{i}", id={"kind": "b", "i": i}) for i in range(2)]),
    dcc.Input(id={"kind": "s", "i": 0}, value="s0"),
    html.Div([html.Div(id={"kind": "o", "i": i}) for i in range(2)]),
    html.Div([html.Div(id={"kind": "p", "i": i}) for i in range(2)]),
])


@callback(Output("strict", "children"), Input("go", "n_clicks"), State("gone", "value"))
def strict(n, gone):
    log("strict", n, gone)
    return f"strict {n} {gone}"


@callback(Output("lenient", "children"), Input("go", "n_clicks"), State("gone", "value", allow_optional=True))
def lenient(n, gone):
    log("lenient", n, gone)
    return f"lenient {n} {gone}"


@callback(Output({"kind": "o", "i": MATCH}, "children"), Input({"kind": "b", "i": MATCH}, "n_clicks"),
          State({"kind": "s", "i": MATCH}, "value"), prevent_initial_call=True)
def strict_match(n, s):
    log("strict_match", n, s)
    return f"strict {n} {s}"


@callback(Output({"kind": "p", "i": MATCH}, "children"), Input({"kind": "b", "i": MATCH}, "n_clicks"),
          State({"kind": "s", "i": MATCH}, "value", allow_optional=True), prevent_initial_call=True)
def lenient_match(n, s):
    log("lenient_match", n, s)
    return f"lenient {n} {s}"


STEPS = [
    ("click", "go"),
    ("click", {"kind": "b", "i": 1}),
    ("click", {"kind": "b", "i": 0}),
]
