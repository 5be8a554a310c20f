"""With an ALL Input, ctx.triggered_id is the clicked button's dict id (also in triggered_prop_ids)."""
from ._shim import ALL, Dash, Input, Output, ctx, html, log

app = Dash()
app.layout = html.Div([html.Button("Click me", id={"type": "btn", "index": "myindex"}),
                       html.Button("Or me", id={"type": "btn", "index": "other"}), html.Div(id="output")])


@app.callback(Output("output", "children"), Input({"type": "btn", "index": ALL}, "n_clicks"))
def func(n_clicks):
    log("func", n_clicks, ctx.triggered_id, ctx.triggered_prop_ids)
    if ctx.triggered:
        _, dict_id = next(iter(ctx.triggered_prop_ids.items()))
        return f"{dict_id['index']} (same as triggered_id: {dict_id == ctx.triggered_id})"
    return "nothing yet"


STEPS = [("click", {"type": "btn", "index": "myindex"}), ("click", {"type": "btn", "index": "other"})]
