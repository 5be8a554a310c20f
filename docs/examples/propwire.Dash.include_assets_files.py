from pathlib import Path

from starlette.testclient import TestClient

from propwire import Dash, html

folder = Path("assets")
folder.mkdir(exist_ok=True)
(folder / "site.css").write_text("p { color: teal; }")

# the assets are served, but the page links none of them (the app links what it wants itself)
app = Dash(__name__, assets_folder=str(folder.resolve()), include_assets_files=False)
app.layout = html.P("Plain")

with TestClient(app.server) as http:
    assert "site.css" not in http.get("/").text
    assert http.get("/assets/site.css").status_code == 200
