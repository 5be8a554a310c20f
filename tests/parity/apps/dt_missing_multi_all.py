"""A callback with two ALL outputs over two separately sized groups; a total reads both groups."""
from ._shim import ALL, Dash, Input, Output, callback_context, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("items", id="items"), html.Button("values", id="values"), html.Div(id="content1"),
                       html.Hr(), html.Div(id="content2"), html.Hr(), html.Div("Output init", id="output")])


@app.callback([Output("content1", "children"), Output("content2", "children")], [Input("items", "n_clicks")])
def content(n1):
    log("content", n1)
    return ([html.Div(id={"i": i}) for i in range(((n1 or 0) + 2) % 4)],
            [html.Div(id={"j": j}) for j in range((n1 or 0) % 3)])


@app.callback([Output({"i": ALL}, "children"), Output({"j": ALL}, "children")], [Input("values", "n_clicks")])
def content_inner(n2):
    n1i = len(callback_context.outputs_list[0])
    n1j = len(callback_context.outputs_list[1])
    log("content_inner", n2, n1i, n1j)
    return [n2 or 0] * n1i, [(n2 or 0) + 2] * n1j


@app.callback(Output("output", "children"), [Input({"i": ALL}, "children"), Input({"j": ALL}, "children")])
def out2(ci, cj):
    log("out2", ci, cj)
    return sum(c or 0 for c in ci) + sum(c or 0 for c in cj)


STEPS = [("click", "values"), ("click", "items"), ("click", "values"), ("click", "items"), ("click", "values"),
         ("click", "items"), ("click", "values"), ("click", "items")]
