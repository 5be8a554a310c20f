"""Dict groupings for Outputs and Inputs/States (with an ALL State inside): ctx.args_grouping and
ctx.outputs_grouping describe them, and the callback returns a dict."""
from ._shim import ALL, Dash, Input, Output, State, callback_context, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Div("Grouped to-do list", id="title"), dcc.Input(id="new-item"), html.Button("Add", id="add"),
    html.Div(id="list-container"), html.Hr(), html.Div(id="totals"), html.Hr(),
    html.Div(id="cc-args-grouping"), html.Div(id="cc-outputs-grouping"),
])


@app.callback(
    dict(list_container=Output("list-container", "children"), new_item=Output("new-item", "value"),
         totals=Output("totals", "children"), cc_args_grouping=Output("cc-args-grouping", "children"),
         cc_outputs_grouping=Output("cc-outputs-grouping", "children")),
    dict(items=dict(all=State({"id": ALL}, "children"), new=State("new-item", "value")),
         triggers=[Input("add", "n_clicks"), Input("new-item", "n_submit")]),
)
def edit_list(items, triggers):
    triggered = [t["prop_id"] for t in callback_context.triggered]
    log("edit_list", items, triggers, triggered, callback_context.using_args_grouping,
        callback_context.using_outputs_grouping)
    spec = list(items["all"])
    if any(i in ("add.n_clicks", "new-item.n_submit") for i in triggered):
        spec.append(items["new"])
    rows = [html.Div([dcc.Checklist(id={"id": i, "property": "done"}, options=[{"label": "", "value": "done"}]),
                      html.Div(text, id={"id": i})]) for i, text in enumerate(spec)]
    return {"list_container": rows, "new_item": "", "totals": f"{len(rows)} total item(s)",
            "cc_args_grouping": repr(callback_context.args_grouping),
            "cc_outputs_grouping": repr(callback_context.outputs_grouping)}


STEPS = [("type", "new-item", "apples"), ("click", "add"), ("type", "new-item", "bananas"), ("click", "add"),
         ("type", "new-item", "carrots", {"enter": True})]
