from starlette.testclient import TestClient

from propwire import Dash, html

# the server's routes under /api/v1/ (the browser asks for the same paths unless requests_pathname_prefix says)
app = Dash(__name__, routes_pathname_prefix="/api/v1/")
app.layout = html.P("Q3")

with TestClient(app.server) as http:
    assert http.get("/api/v1/").status_code == 200
    assert http.get("/api/v1/_propwire/static/propwire.js").status_code == 200

try:
    Dash(__name__, routes_pathname_prefix="api/")
except Exception as error:  # InvalidConfig, as in Dash
    assert "start with `/`" in str(error)
