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
