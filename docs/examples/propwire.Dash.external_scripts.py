from starlette.testclient import TestClient

from propwire import Dash, html

app = Dash(__name__, external_scripts=["https://cdn.example/charts.js"])
app.layout = html.P("Charts")

with TestClient(app.server) as http:
    assert '<script src="https://cdn.example/charts.js"' in http.get("/").text
