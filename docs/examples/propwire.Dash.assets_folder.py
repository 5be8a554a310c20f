from pathlib import Path

from starlette.testclient import TestClient

from propwire import Dash, html

folder = Path("static_files")
folder.mkdir(exist_ok=True)
(folder / "site.css").write_text("p { color: teal; }")

app = Dash(__name__, assets_folder=str(folder.resolve()))  # relative paths are taken from the app's module
app.layout = html.P("Teal")

with TestClient(app.server) as http:
    assert "/assets/site.css" in http.get("/").text  # linked into the page
    assert http.get("/assets/site.css").text == "p { color: teal; }"
