"""Ids {"i": 1} and {"i": True} are two components: each button's MATCH callback writes only its own output."""
from ._shim import MATCH, Dash, Input, Output, callback, ctx, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("one", id={"t": "b", "i": 1}), html.Button("true", id={"t": "b", "i": True}),
    html.Div(id={"t": "o", "i": 1}), html.Div(id={"t": "o", "i": True}),
])


@callback(Output({"t": "o", "i": MATCH}, "children"), Input({"t": "b", "i": MATCH}, "n_clicks"))
def press(n):
    log("press", n, ctx.triggered_id)
    return f"{ctx.outputs_list['id']['i']!r} clicked {n}"


STEPS = [
    ("click", {"t": "b", "i": True}),
    ("click", {"t": "b", "i": 1}),
    ("click", {"t": "b", "i": True}),
]
