from starlette.testclient import TestClient

from propwire import Dash, html

app = Dash(__name__, frame_ancestors=["'self'", "https://portal.example"])
app.layout = html.P("Embeddable in the portal")

with TestClient(app.server) as http:
    policy = http.get("/").headers["content-security-policy"]
    assert "frame-ancestors 'self' https://portal.example" in policy
