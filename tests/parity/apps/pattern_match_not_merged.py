"""One output writing every item at once triggers each item's MATCH instance: each runs on its own, never merged
into one call (issue 11 item 21)."""
from ._shim import ALL, MATCH, Dash, Input, Output, State, callback, ctx, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Set all", id="set"),
    html.Div([html.Div([html.Div("x", id={"type": "src", "index": i}), html.Span(id={"type": "dst", "index": i})])
              for i in range(3)]),
])


@callback(Output({"type": "src", "index": ALL}, "children"), Input("set", "n_clicks"), prevent_initial_call=True)
def set_all(n):
    log("set_all", n)
    return [f"v{n}-{i}" for i in range(3)]


@callback(Output({"type": "dst", "index": MATCH}, "children"), Input({"type": "src", "index": MATCH}, "children"),
          State({"type": "src", "index": MATCH}, "id"))
def copy(text, own):
    log(f"copy {own['index']}", text, ctx.triggered_id)  # one log per instance: Dash's order among them varies
    return f"copy {text}"


STEPS = [
    ("click", "set"),
    ("click", "set"),
]
