from starlette.testclient import TestClient

from propwire import Dash, html

# your own tags join Dash's charset and viewport ones; a viewport of your own replaces the default
app = Dash(__name__, meta_tags=[{"name": "description", "content": "Sales & margins"},
                                {"name": "viewport", "content": "width=device-width, initial-scale=0.9"}])
app.layout = html.P("Q3")

with TestClient(app.server) as http:
    head = http.get("/").text.split("</head>")[0]
    assert '<meta name="description" content="Sales &amp; margins">' in head
    assert '<meta charset="UTF-8">' in head and head.count('name="viewport"') == 1
