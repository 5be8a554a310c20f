from starlette.testclient import TestClient

from propwire import Dash, html

# replace one directive of propwire's policy: images only from this site and one CDN
app = Dash(__name__, content_security_policy={"img-src": ["'self'", "https://img.example"]})
app.layout = html.Img(src="https://img.example/logo.png")

with TestClient(app.server) as http:
    assert "img-src 'self' https://img.example" in http.get("/").headers["content-security-policy"]
