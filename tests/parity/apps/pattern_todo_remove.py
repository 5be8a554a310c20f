"""A to-do list with a delete button per item (ALL buttons, the clicked one named by ctx.triggered_id): the list
shrinks, the ALL count re-runs with the shorter list, and again once the list is empty (issue 11 items 2 and 21)."""
from ._shim import ALL, Dash, Input, Output, State, callback, ctx, html, log

app = Dash(__name__)


def item(i, text):
    return html.Li([html.Span(text, id={"type": "todo", "index": i}),
                    html.Button("x", id={"type": "del", "index": i})])


app.layout = html.Div([
    html.Ul([item(i, t) for i, t in enumerate(["milk", "eggs", "tea"])], id="todos"),
    html.Div(id="count"),
])


@callback(Output("todos", "children"), Input({"type": "del", "index": ALL}, "n_clicks"),
          State("todos", "children"), prevent_initial_call=True)
def delete(clicks, items):
    log("delete", clicks, ctx.triggered_id)
    gone = ctx.triggered_id["index"]
    return [li for li in items if li["props"]["children"][1]["props"]["id"]["index"] != gone]


@callback(Output("count", "children"), Input({"type": "todo", "index": ALL}, "children"))
def count(texts):
    log("count", texts)
    return f"{len(texts)} left: {' '.join(texts)}"


STEPS = [
    ("click", {"type": "del", "index": 1}),
    ("click", {"type": "del", "index": 0}),
    ("click", {"type": "del", "index": 2}),
]
