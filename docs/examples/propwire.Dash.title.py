from starlette.testclient import TestClient

from propwire import Dash, html

app = Dash(__name__, title="Sales dashboard")
app.layout = html.P("Q3")

with TestClient(app.server) as http:
    assert "<title>Sales dashboard</title>" in http.get("/").text
