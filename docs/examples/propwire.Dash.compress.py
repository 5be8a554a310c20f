from starlette.testclient import TestClient

from propwire import Dash, html

app = Dash(__name__, compress=True)
app.layout = html.Div([html.P(f"row {i}") for i in range(200)])

with TestClient(app.server) as http:
    response = http.get("/", headers={"accept-encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip" and "row 199" in response.text  # httpx decompresses
    plain = http.get("/", headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers
