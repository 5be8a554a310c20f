from pathlib import Path

from starlette.testclient import TestClient

from propwire import Dash, html

folder = Path("assets")
(folder / "drafts").mkdir(parents=True, exist_ok=True)
(folder / "site.css").write_text("p { color: teal; }")
(folder / "drafts" / "new.css").write_text("p { color: red; }")

# files in a folder whose name matches are not linked (still served), as in Dash
app = Dash(__name__, assets_folder=str(folder.resolve()), assets_path_ignore=["^drafts$"])
app.layout = html.P("Teal")

with TestClient(app.server) as http:
    page = http.get("/").text
    assert "/assets/site.css" in page and "drafts/new.css" not in page
    assert http.get("/assets/drafts/new.css").status_code == 200
