from pathlib import Path

from starlette.testclient import TestClient

from propwire import Dash, html

folder = Path("assets")
folder.mkdir(exist_ok=True)
(folder / "site.css").write_text("p { color: teal; }")
(folder / "draft.css").write_text("p { color: red; }")

app = Dash(__name__, assets_folder=str(folder.resolve()), assets_ignore=r"draft.*")
app.layout = html.P("Teal")

with TestClient(app.server) as http:
    page = http.get("/").text
    assert "/assets/site.css" in page and "draft.css" not in page
