from starlette.testclient import TestClient

from propwire import Dash, html


def signed_in(request):
    """True lets the request on; a URL sends a page load there (an event gets a 401)."""
    return request.cookies.get("user") == "ann" or "/login"


app = Dash(__name__, auth=signed_in, auth_public=["/login"])
app.layout = html.P("Members only")

with TestClient(app.server, follow_redirects=False) as http:
    assert http.get("/").headers["location"] == "/login"
    assert http.post("/_propwire/event", content=b"{}", headers={"content-type": "application/json"}).status_code == 401
    http.cookies.set("user", "ann")
    assert http.get("/").status_code == 200
