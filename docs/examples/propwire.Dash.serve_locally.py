import warnings

from starlette.testclient import TestClient

from propwire import Dash, html

# propwire serves its own files either way; False lets app.css / app.scripts link external URLs, with a warning
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    app = Dash(__name__, serve_locally=False)
assert any("serve_locally=False" in str(w.message) for w in caught)

app.css.append_css({"external_url": "https://cdn.example/theme.css"})
app.layout = html.P("Themed")
with TestClient(app.server) as http:
    page = http.get("/").text
    assert '<link rel="stylesheet" href="https://cdn.example/theme.css">' in page
    assert "/_propwire/static/propwire.js" in page  # the renderer still comes from the app itself
