from starlette.responses import HTMLResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from propwire import Dash, html

app = Dash(__name__, auth=lambda request: "user" in request.cookies or "/login",
           auth_public=["/login", "/assets/login/"])  # the login form and everything under assets/login/
app.layout = html.P("Members only")
app.server.routes.insert(0, Route("/login", lambda request: HTMLResponse("<form>...</form>")))

with TestClient(app.server, follow_redirects=False) as http:
    assert http.get("/login").text == "<form>...</form>"  # the hook is not asked
    assert http.get("/").status_code == 303
