"""A MATCH callback over dbc components: dbc.Buttons and dbc.Badges with dict ids, one instance per row."""
import dash_bootstrap_components as dbc

from ._shim import MATCH, Dash, Input, Output, ctx, log

app = Dash(__name__)
app.layout = dbc.Container([
    dbc.Row([dbc.Col(dbc.Button(f"add {i}", id={"type": "add", "index": i})),
             dbc.Col(dbc.Badge("0", id={"type": "count", "index": i}, color="secondary"))])
    for i in range(3)
])


@app.callback(Output({"type": "count", "index": MATCH}, "children"),
              Input({"type": "add", "index": MATCH}, "n_clicks"), prevent_initial_call=True)
def count(n):
    log("count", n, ctx.triggered_id)
    return f"{n} for {ctx.triggered_id['index']}"


STEPS = [
    ("click", {"type": "add", "index": 1}),
    ("click", {"type": "add", "index": 1}),
    ("click", {"index": 2, "type": "add"}),
]
