"""Patch: add to a list of 1,000 items without sending the list back and forth."""

from propwire import Dash, Input, Output, Patch, callback, html, set_props

app = Dash(__name__, title="patch")
app.layout = html.Div([
    html.Button("Add an item", id="add"),
    html.Button("Reset", id="reset"),
    html.Div(id="note"),
    html.Ul([html.Li(f"item {i}") for i in range(1000)], id="items"),
])


@callback(Output("items", "children"), Input("add", "n_clicks"), prevent_initial_call=True)
def add_item(n):
    patch = Patch()
    patch.append(html.Li(f"new item {n}", id=f"new-{n}"))
    set_props("note", {"children": f"added {n} item(s)"})
    return patch


@callback(Output("items", "children", allow_duplicate=True), Input("reset", "n_clicks"), prevent_initial_call=True)
def reset(n):
    return [html.Li("fresh start")]


if __name__ == "__main__":
    app.run(debug=True)
