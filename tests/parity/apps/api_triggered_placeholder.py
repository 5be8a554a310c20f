"""ctx.triggered on an initial call: falsy, yet one placeholder entry {"prop_id": ".", "value": None}."""
from ._shim import Dash, Input, Output, callback, ctx, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("Go", id="go"), html.Div(id="out")])


@callback(Output("out", "children"), Input("go", "n_clicks"))
def show(n):
    first = [p["prop_id"] for p in ctx.triggered][0]
    log("show", n, bool(ctx.triggered), len(ctx.triggered), first, ctx.triggered[0]["prop_id"].split("."),
        ctx.triggered[0]["value"], ctx.triggered_id, list(ctx.triggered_prop_ids))
    return "initial" if not ctx.triggered else f"triggered by {first}"


STEPS = [
    ("click", "go"),
]
