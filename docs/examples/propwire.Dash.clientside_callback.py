from starlette.testclient import TestClient

from propwire import ClientsideFunction, Dash, Input, Output, html

app = Dash(__name__)
app.layout = html.Div([html.Button("go", id="go"), html.P(id="count")])

# window.dash_clientside.ui.count is defined by a script in the app's assets folder.
app.clientside_callback(ClientsideFunction("ui", "count"), Output("count", "children"), Input("go", "n_clicks"))

table = app.graph_for_client()["clientside"]
assert table["callbacks"]["0"]["ns"] == "ui" and table["callbacks"]["0"]["fn"] == "count"
assert TestClient(app.server).get("/").status_code == 200
