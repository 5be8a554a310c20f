"""Two MATCH instances whose bindings have different types (1 and "x") finishing together."""
import time

from ._shim import MATCH, Dash, Input, Output, callback, ctx, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("Go", id="go"), html.Div(id={"k": 1}), html.Div(id={"k": "x"}),
                       html.Div(id={"k": 2})])


@callback(Output({"k": MATCH}, "children"), Input("go", "n_clicks"))
def slow(n):
    log(f"slow {ctx.outputs_list['id']['k']!r}", n)  # one log per instance: they run at the same time
    time.sleep(0.2)
    return f"{ctx.outputs_list['id']['k']} done {n}"


STEPS = [
    ("click", "go"),
    ("click", "go"),
]
