from pathlib import Path

from starlette.testclient import TestClient

from propwire import Dash, html

folder = Path("assets")
(folder / ".well-known").mkdir(parents=True, exist_ok=True)
(folder / ".well-known" / "security.txt").write_text("Contact: mailto:security@example.com")
(folder / ".env").write_text("SECRET=1")

app = Dash(__name__, assets_folder=str(folder.resolve()), assets_serve_dotfiles=[".well-known/security.txt"])
app.layout = html.P("Hi")

with TestClient(app.server) as http:
    assert http.get("/assets/.well-known/security.txt").status_code == 200
    assert http.get("/assets/.env").status_code == 404  # other dotfiles stay hidden
