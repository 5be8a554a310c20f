from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.testclient import TestClient

from propwire import Dash, html

app = Dash(__name__)
app.layout = html.P("Hello")

# production: uvicorn mymodule:app.server --workers 4 --http propwire.serving:Protocol
with TestClient(app.server) as http:
    assert http.get("/").status_code == 200

host = Starlette(routes=[Mount("/dash", app=app.server)])  # or inside a host app
assert host.routes[0].path == "/dash"

# A Flask app of its own (Dash(server=Flask(__name__))): its routes, static folder and session beside propwire's
import flask

server = flask.Flask(__name__)
server.secret_key = "dev-only-secret"


@server.route("/api/ping")
def ping():
    return {"pong": True}


flask_app = Dash(__name__, server=server)
flask_app.layout = html.P("Hello")
with TestClient(flask_app.server) as http:  # still ASGI: uvicorn mymodule:flask_app.server
    assert http.get("/api/ping").json() == {"pong": True}
    assert http.get("/").status_code == 200
assert flask_app.server.route == server.route  # it stands for the Flask app: @app.server.route(...) works
