from starlette.testclient import TestClient

from propwire import Dash, Input, Output, clientside_callback, dcc, html
from propwire.testing import Client, ClientsideUnsupported

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="name", value=""), html.P(id="greeting")])

clientside_callback(
    "function(name) { return 'Hello ' + name; }",
    Output("greeting", "children"),
    Input("name", "value"),
    prevent_initial_call=True,
)

# The page defines the function in a script that carries the page's CSP nonce; the browser runs it.
page = TestClient(app.server).get("/").text
assert "return 'Hello ' + name;" in page

# The headless client runs no JavaScript: the step that would run it says so.
with Client(app).open() as client:
    try:
        client.type("name", "Ada")
    except ClientsideUnsupported as exc:
        assert "clientside callback" in str(exc)
    else:
        raise AssertionError("a clientside step ran headless")
