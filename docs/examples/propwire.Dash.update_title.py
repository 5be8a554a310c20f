import json
import re

from starlette.testclient import TestClient

from propwire import Dash, html

# the tab shows "Loading data..." while callbacks run (Dash's default is "Updating..."; None turns it off)
app = Dash(__name__, title="Sales", update_title="Loading data...")
app.layout = html.P("Q3")

with TestClient(app.server) as http:
    page = http.get("/").text
    config = json.loads(re.search(r'id="_pw-config" type="application/json">(.*?)</script>', page)[1])
    assert config["updateTitle"] == "Loading data..."

quiet = Dash(__name__, update_title=None)
quiet.layout = html.P("Q3")
with TestClient(quiet.server) as http:
    assert "updateTitle" not in http.get("/").text
