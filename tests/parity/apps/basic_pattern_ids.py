"""Dict ids: two buttons {"type": "btn", "index": i}, each with its MATCH output; the step names the id as a dict."""
from ._shim import MATCH, Dash, Input, Output, callback, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Div([html.Button(f"b{i}", id={"type": "btn", "index": i}), html.Span(id={"type": "out", "index": i})])
    for i in (1, 2)
])


@callback(Output({"type": "out", "index": MATCH}, "children"), Input({"type": "btn", "index": MATCH}, "n_clicks"))
def show(n):
    log("show", n)
    return f"clicked {n}"


STEPS = [
    ("click", {"type": "btn", "index": 2}),
    ("click", {"index": 1, "type": "btn"}),
    ("click", {"type": "btn", "index": 2}),
]
