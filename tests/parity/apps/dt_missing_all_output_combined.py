"""One callback writes ALL outputs plus a plain total; the ALL ids as an Input make it follow the item count."""
from ._shim import ALL, Dash, Input, Output, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("items", id="items"), html.Button("values", id="values"), html.Div(id="content"),
                       html.Div("Output init", id="output")])


@app.callback(Output("content", "children"), [Input("items", "n_clicks")])
def set_content(n1):
    log("set_content", n1)
    return [html.Div(id={"i": i}) for i in range((n1 or 0) % 4)]


@app.callback([Output({"i": ALL}, "children"), Output("output", "children")],
              [Input("values", "n_clicks"), Input({"i": ALL}, "id")])
def content_and_output(n2, content_ids):
    log("content_and_output", n2, content_ids)
    content = [n2 or 0] * len(content_ids)
    return content, sum(content)


STEPS = [("click", "values"), ("click", "items"), ("click", "values"), ("click", "items"), ("click", "values"),
         ("click", "items"), ("click", "values"), ("click", "items"), ("click", "values"), ("click", "items")]
