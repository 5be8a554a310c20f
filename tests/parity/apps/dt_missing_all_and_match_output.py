"""ALL-within-MATCH outputs ({"i": ALL, "j": MATCH}) in four groups of changing size, summed per group."""
from ._shim import ALL, MATCH, Dash, Input, Output, callback_context, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("items", id="items"), html.Button("values", id="values"), html.Div(id="content")])


@app.callback(Output("content", "children"), [Input("items", "n_clicks")])
def set_content(n1):
    log("set_content", n1)
    return [html.Div([html.Div([html.Div(id={"i": i, "j": j}) for i in range(((n1 or 0) + j) % 4)],
                               id=f"content{j}"),
                      html.Div(id={"j": j}), html.Hr()]) for j in range(4)]


@app.callback(Output({"i": ALL, "j": MATCH}, "children"), [Input("values", "n_clicks")])
def content_inner(n2):
    n1 = len(callback_context.outputs_list)
    log("content_inner", n2, n1)
    return [n2 or 0] * n1


@app.callback(Output({"j": MATCH}, "children"), [Input({"i": ALL, "j": MATCH}, "children")])
def out2(contents):
    log("out2", contents, callback_context.outputs_list["id"])
    return sum(c or 0 for c in contents)


STEPS = [("click", "values"), ("click", "items"), ("click", "values"), ("click", "items"), ("click", "values")]
