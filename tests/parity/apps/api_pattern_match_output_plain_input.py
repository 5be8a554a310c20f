"""A MATCH Output without any MATCH Input (Dash accepts it): one fixed button updates every instance.

Each instance logs under its own name: instances of one batch are independent, and propwire runs them at the
same time, so their order in one shared log is not something a user can rely on."""
from ._shim import MATCH, Dash, Input, Output, callback, ctx, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("Go", id="go")] + [html.Div(id={"cell": i}) for i in range(3)])


@callback(Output({"cell": MATCH}, "children"), Input("go", "n_clicks"))
def fill(n):
    log(f"fill {ctx.outputs_list['id']['cell']}", n, ctx.outputs_list)
    return f"{ctx.outputs_list['id']['cell']}: {n}"


STEPS = [
    ("click", "go"),
]
