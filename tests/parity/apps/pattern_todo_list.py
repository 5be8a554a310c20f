"""A to-do list: typed items are appended, each with its own "done" checkbox (MATCH) and a count of what is left
(ALL); new items get their first MATCH call and the ALL callback re-runs with the longer list (issue 11 item 3)."""
from ._shim import ALL, MATCH, Dash, Input, Output, State, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Input(id="new-item"), html.Button("Add", id="add"),
    html.Div(id="list", children=[]), html.Div(id="left"),
])


@callback(Output("list", "children"), Output("new-item", "value"), Input("add", "n_clicks"),
          State("new-item", "value"), State("list", "children"), prevent_initial_call=True)
def add(n, text, items):
    log("add", n, text, len(items))
    i = len(items)
    item = html.Div([dcc.Checklist(["done"], [], id={"type": "done", "index": i}),
                     html.Span(text, id={"type": "text", "index": i})])
    return items + [item], ""


@callback(Output({"type": "text", "index": MATCH}, "style"), Input({"type": "done", "index": MATCH}, "value"),
          State({"type": "done", "index": MATCH}, "id"))
def strike(done, own):
    log(f"strike {own['index']}", done)  # one log per instance: Dash's order among them varies
    return {"textDecoration": "line-through"} if done else {}


@callback(Output("left", "children"), Input({"type": "done", "index": ALL}, "value"),
          State({"type": "text", "index": ALL}, "children"))
def left(dones, texts):
    log("left", dones, texts)
    return f"{sum(1 for d in dones if not d)} of {len(texts)} left"


STEPS = [
    ("type", "new-item", "milk"),
    ("click", "add"),
    ("type", "new-item", "eggs"),
    ("click", "add"),
    ("check", {"type": "done", "index": 0}, "done"),
]
