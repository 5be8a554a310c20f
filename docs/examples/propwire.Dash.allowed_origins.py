from starlette.testclient import TestClient

from propwire import Dash, html

# pages on https://portal.example may send events to this app; other sites' requests are refused
app = Dash(__name__, allowed_origins=["https://portal.example"])
app.layout = html.P("Hi")

with TestClient(app.server) as http:
    foreign = http.post("/_propwire/event", content=b"{}", headers={"origin": "https://evil.example"})
    assert foreign.status_code == 403
    portal = http.post("/_propwire/event", content=b"{}", headers={"origin": "https://portal.example"})
    assert portal.status_code != 403  # past the origin check (this empty body is then refused as malformed)
