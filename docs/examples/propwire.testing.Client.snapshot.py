from propwire import Dash, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.P("Hello", id="greeting"), dcc.Input(id="name", value="Ada")])

with Client(app).open() as client:
    shown = client.snapshot()  # per id'd element: what a user sees
    assert shown["greeting"]["text"] == "Hello"
    assert shown["name"]["value"] == "Ada"
