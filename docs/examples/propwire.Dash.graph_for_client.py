from propwire import Dash, Input, Output, html

app = Dash(__name__)
app.layout = html.Div([html.Button(id="go"), html.P(id="out")])


@app.callback(Output("out", "children"), Input("go", "n_clicks"))
def show(n_clicks):
    return n_clicks


graph = app.graph_for_client()  # what the page's config carries for the renderer
assert "go.n_clicks" in graph["props"] and "out.children" in graph["props"]
assert len(graph["callbacks"]) == 1
