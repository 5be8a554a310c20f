"""ALL outputs over a changing set of items (one callback writes them, another sums them): never called with none."""
from ._shim import ALL, Dash, Input, Output, callback_context, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("items", id="items"), html.Button("values", id="values"), html.Div(id="content"),
                       html.Div("Output init", id="output")])


@app.callback(Output("content", "children"), [Input("items", "n_clicks")])
def set_content(n1):
    log("set_content", n1)
    return [html.Div(id={"i": i}) for i in range((n1 or 0) % 4)]


@app.callback(Output({"i": ALL}, "children"), [Input("values", "n_clicks")])
def content_inner(n2):
    n1 = len(callback_context.outputs_list)
    log("content_inner", n2, n1)
    return [n2 or 0] * n1


@app.callback(Output("output", "children"), [Input({"i": ALL}, "children")])
def out2(contents):
    log("out2", contents)
    return sum(c or 0 for c in contents)


STEPS = [("click", "values"), ("click", "items"), ("click", "values"), ("click", "items"), ("click", "values"),
         ("click", "items"), ("click", "values"), ("click", "items"), ("click", "values"), ("click", "items")]
