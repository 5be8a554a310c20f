from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="name"), html.P(id="hello")])


@app.callback(Output("hello", "children"), Input("name", "value"))
def hello(name):
    return f"Hello {name or 'stranger'}"


def test_hello():  # a pytest test: no server, no browser
    with Client(app).open() as client:
        assert client.text("hello") == "Hello stranger"
        client.type("name", "Ada")
        assert client.text("hello") == "Hello Ada"


test_hello()
