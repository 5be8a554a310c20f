"""A MATCH Input with a fixed-id Output (Dash accepts it): each button writes the one output."""
from ._shim import MATCH, Dash, Input, Output, callback, ctx, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button(f"B{i}", id={"btn": i}) for i in range(3)] + [html.Div(id="out")])


@callback(Output("out", "children"), Input({"btn": MATCH}, "n_clicks"), prevent_initial_call=True)
def pressed(n):
    log("pressed", n, ctx.triggered_id)
    return f"button {ctx.triggered_id['btn']} pressed {n} times"


STEPS = [
    ("click", {"btn": 1}),
    ("click", {"btn": 2}),
    ("click", {"btn": 1}),
]
