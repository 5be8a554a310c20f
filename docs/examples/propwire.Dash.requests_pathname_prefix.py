from starlette.testclient import TestClient

from propwire import Dash, html

# behind a proxy that serves https://example.com/team/sales/... as /... : routes at "/", URLs under the prefix
app = Dash(__name__, routes_pathname_prefix="/", requests_pathname_prefix="/team/sales/")
app.layout = html.P("Q3")

with TestClient(app.server) as http:
    page = http.get("/").text
    assert '"eventUrl":"/team/sales/_propwire/event"' in page
    assert http.post("/_propwire/event", json={}).status_code == 400  # the route itself is at /_propwire/event
assert app.get_relative_path("/page-2") == "/team/sales/page-2"
assert app.strip_relative_path("/team/sales/page-2/") == "page-2"
