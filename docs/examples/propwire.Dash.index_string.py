from starlette.testclient import TestClient

from propwire import Dash, html

app = Dash(__name__)
app.index_string = """<!DOCTYPE html>
<html>
<head>{%metas%}<title>{%title%}</title>{%favicon%}{%css%}</head>
<body>
  <header>Acme analytics</header>
  {%app_entry%}
  <footer>{%config%}{%scripts%}{%renderer%}</footer>
  <p>Support: help@acme.example</p>
</body>
</html>"""
app.layout = html.P("Q3")

with TestClient(app.server) as http:
    page = http.get("/").text
    # the initial callbacks' results stream in right after {%renderer%}, before the rest of the template
    assert "<header>Acme analytics</header>" in page and page.rstrip().endswith("</html>")
    assert page.index('id="_pw-root"') < page.index("propwire.js") < page.index("help@acme.example")

try:
    app.index_string = "<html><body>{%app_entry%}</body></html>"
except Exception as error:  # InvalidIndexException, as in Dash
    assert "{%config%}" in str(error)
