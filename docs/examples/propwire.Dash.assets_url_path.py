from pathlib import Path

from starlette.testclient import TestClient

from propwire import Dash, html

folder = Path("assets")
folder.mkdir(exist_ok=True)
(folder / "site.css").write_text("p { color: teal; }")

app = Dash(__name__, assets_folder=str(folder.resolve()), assets_url_path="static/files")
app.layout = html.P("Teal")

with TestClient(app.server) as http:
    assert '<link rel="stylesheet" href="/static/files/site.css">' in http.get("/").text
    assert http.get("/static/files/site.css").text == "p { color: teal; }"
assert app.get_asset_url("logo.png") == "/static/files/logo.png"
