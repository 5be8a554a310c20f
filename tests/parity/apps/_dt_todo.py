"""Shared builder for the dt_wild_todo* apps: a to-do list on MATCH, ALLSMALLER and ALL (not an app itself)."""
from ._shim import ALL, ALLSMALLER, MATCH, Dash, Input, Output, State, callback_context, dcc, html, log

STYLE_TODO = {"display": "inline", "margin": "10px"}
STYLE_DONE = dict(STYLE_TODO, textDecoration="line-through", color="#888")


def build(content_callback: bool) -> Dash:
    """New items are added from a text box; checking one marks it done; "Clear Done" drops the done ones."""
    app = Dash(__name__, suppress_callback_exceptions=content_callback)
    content = html.Div([html.Div("To-do list", id="title"), dcc.Input(id="new-item"), html.Button("Add", id="add"),
                        html.Button("Clear Done", id="clear-done"), html.Div(id="list-container"), html.Hr(),
                        html.Div(id="totals")])
    if content_callback:
        app.layout = html.Div([html.Div(id="content"), dcc.Location(id="url")])

        @app.callback(Output("content", "children"), [Input("url", "pathname")])
        def display_content(path):
            log("display_content", path)
            return content
    else:
        app.layout = content

    @app.callback(Output("list-container", "children"), Output("new-item", "value"), Input("add", "n_clicks"),
                  Input("new-item", "n_submit"), Input("clear-done", "n_clicks"), State("new-item", "value"),
                  State({"item": ALL}, "children"), State({"item": ALL, "action": "done"}, "value"))
    def edit_list(add, add2, clear, new_item, items, items_done):
        triggered = [t["prop_id"] for t in callback_context.triggered]
        log("edit_list", add, add2, clear, new_item, items, items_done, triggered)
        adding = any(i in ("add.n_clicks", "new-item.n_submit") for i in triggered)
        clearing = "clear-done.n_clicks" in triggered
        spec = [(text, done) for text, done in zip(items, items_done) if not (clearing and done)]
        if adding:
            spec.append((new_item, []))
        return [html.Div([dcc.Checklist(id={"item": i, "action": "done"}, options=[{"label": "", "value": "done"}],
                                        value=done, style={"display": "inline"}),
                          html.Div(text, id={"item": i}, style=STYLE_DONE if done else STYLE_TODO),
                          html.Div(id={"item": i, "preceding": True}, style=STYLE_TODO)])
                for i, (text, done) in enumerate(spec)], "" if adding else new_item

    @app.callback(Output({"item": MATCH}, "style"), Input({"item": MATCH, "action": "done"}, "value"))
    def mark_done(done):
        log("mark_done", done, callback_context.outputs_list["id"])
        return STYLE_DONE if done else STYLE_TODO

    @app.callback(Output({"item": MATCH, "preceding": True}, "children"),
                  Input({"item": ALLSMALLER, "action": "done"}, "value"), Input({"item": MATCH, "action": "done"}, "value"))
    def show_preceding(done_before, this_done):
        log("show_preceding", done_before, this_done, callback_context.outputs_list["id"])
        if this_done:
            return ""
        n_done = len([1 for d in done_before if d])
        out = f"{n_done} of {len(done_before)} preceding items are done"
        return out + " DO THIS NEXT!" if n_done == len(done_before) else out

    @app.callback(Output("totals", "children"), Input({"item": ALL, "action": "done"}, "value"))
    def show_totals(done):
        log("show_totals", done)
        n_done = len([d for d in done if d])
        result = f"{n_done} of {len(done)} items completed"
        return result + f" - {int(100 * n_done / len(done))}%" if done else result

    return app

