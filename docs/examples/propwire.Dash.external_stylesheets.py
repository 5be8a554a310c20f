from starlette.testclient import TestClient

from propwire import Dash, html

app = Dash(__name__, external_stylesheets=["https://cdn.example/theme.css"])
app.layout = html.P("Styled")

with TestClient(app.server) as http:
    page = http.get("/").text
    assert '<link rel="stylesheet" href="https://cdn.example/theme.css">' in page
    # the page's Content-Security-Policy allows styles from that host
    assert "https://cdn.example" in http.get("/").headers["content-security-policy"]
