"""MATCH and ALL on the same pattern: a click on one button runs its MATCH instance and the ALL callback in the
same action; the ALL one sees every button's clicks and the clicked button as triggered_id (issue 11 item 2)."""
from ._shim import ALL, MATCH, Dash, Input, Output, State, callback, ctx, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Div([html.Div([html.Button(f"btn {i}", id={"type": "btn", "index": i}),
                        html.Span(id={"type": "count", "index": i})]) for i in range(3)]),
    html.Div(id="total"),
])


@callback(Output({"type": "count", "index": MATCH}, "children"), Input({"type": "btn", "index": MATCH}, "n_clicks"),
          State({"type": "btn", "index": MATCH}, "id"))
def one(n, own):
    log(f"one {own['index']}", n, ctx.triggered_id)  # one log per instance: Dash's order among them varies
    return f"clicked {n}"


@callback(Output("total", "children"), Input({"type": "btn", "index": ALL}, "n_clicks"))
def every(clicks):
    log("every", clicks, ctx.triggered_id)
    return f"all {clicks} last {ctx.triggered_id and ctx.triggered_id['index']}"


STEPS = [
    ("click", {"type": "btn", "index": 1}),
    ("click", {"type": "btn", "index": 2}),
    ("click", {"type": "btn", "index": 1}),
]
