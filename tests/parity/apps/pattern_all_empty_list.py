"""ALL over an empty list: the callback runs at start-up with [], re-runs as items come, and re-runs with []
when the list becomes empty again (issue 11 item 21)."""
from ._shim import ALL, Dash, Input, Output, callback, ctx, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Add", id="add"), html.Button("Clear", id="clear"),
    html.Div(id="items", children=[]), html.Div(id="summary"),
])


@callback(Output("items", "children"), Input("add", "n_clicks"), Input("clear", "n_clicks"), prevent_initial_call=True)
def change(add, clear):
    log("change", add, clear, ctx.triggered_id)
    if ctx.triggered_id == "clear":
        return []
    return [html.Div(f"item {i}", id={"type": "item", "index": i}) for i in range(add or 0)]


@callback(Output("summary", "children"), Input({"type": "item", "index": ALL}, "children"))
def summary(texts):
    log("summary", texts)
    return f"{len(texts)} items: {texts}"


STEPS = [
    ("click", "add"),
    ("click", "add"),
    ("click", "clear"),
]
