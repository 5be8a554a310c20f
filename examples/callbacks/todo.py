"""A to-do list: pattern-matching ids (ALL, MATCH) on components added and removed at run time."""

from propwire import ALL, MATCH, Dash, Input, Output, State, callback, ctx, dcc, html

app = Dash(__name__, title="to-do")
app.layout = html.Div([
    html.H3("To do"),
    dcc.Input(id="new-item", placeholder="What needs doing?"),
    html.Button("Add", id="add"),
    html.Button("Clear done", id="clear-done"),
    html.Div([], id="list"),
    html.Div(id="totals"),
])


def item(index: int, text: str) -> html.Div:
    return html.Div([
        dcc.Checklist([{"label": text, "value": "done"}], [], id={"type": "done", "index": index}, inline=True),
        html.Span("", id={"type": "status", "index": index}),
    ], id={"type": "item", "index": index})


@callback(Output("list", "children"), Output("new-item", "value"),
          Input("add", "n_clicks"), Input("clear-done", "n_clicks"),
          State("new-item", "value"), State("list", "children"),
          State({"type": "done", "index": ALL}, "value"), prevent_initial_call=True)
def edit_list(add, clear, text, items, done):
    if ctx.triggered_id == "add":
        if not text:
            return items, ""
        return items + [item(add, text)], ""
    return [i for i, d in zip(items, done) if not d], ""


@callback(Output({"type": "status", "index": MATCH}, "children"), Input({"type": "done", "index": MATCH}, "value"))
def mark(done):
    return " ✓ done" if done else ""


@callback(Output("totals", "children"), Input({"type": "done", "index": ALL}, "value"))
def totals(done):
    return f"{sum(1 for d in done if d)} of {len(done)} done"


if __name__ == "__main__":
    app.run(debug=True)
