from starlette.testclient import TestClient

from propwire import Dash, html

# the whole app under /sales/: page, events, static files and assets
app = Dash(__name__, url_base_pathname="/sales/")
app.layout = html.P("Q3")

with TestClient(app.server) as http:
    page = http.get("/sales/").text
    assert '"eventUrl":"/sales/_propwire/event"' in page and "/sales/_propwire/static/propwire.js" in page
    assert http.get("/").status_code == 404
assert app.config.requests_pathname_prefix == app.config.routes_pathname_prefix == "/sales/"
