"""A callback without Outputs and with a MATCH Input: each button's click runs it for that button, and set_props
writes the matching output (found through ctx.triggered_id)."""
from ._shim import MATCH, Dash, Input, callback, ctx, html, log, set_props

app = Dash(__name__)
app.layout = html.Div([html.Div([html.Button(f"B{i}", id={"kind": "b", "i": i}), html.Div(id={"kind": "o", "i": i})])
                       for i in range(3)])


@callback(Input({"kind": "b", "i": MATCH}, "n_clicks"), prevent_initial_call=True)
def press(n):
    log("press", n, ctx.triggered_id)
    set_props({"kind": "o", "i": ctx.triggered_id["i"]}, {"children": f"pressed {n}"})


STEPS = [
    ("click", {"kind": "b", "i": 2}),
    ("click", {"kind": "b", "i": 0}),
    ("click", {"kind": "b", "i": 2}),
]
