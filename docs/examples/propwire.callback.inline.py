from propwire import Dash, Input, Output, callback, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="a", value=1, type="number"), html.P(id="double")])


@callback(Output("double", "children"), Input("a", "value"), inline=True)  # pure and quick: no thread hop
def double(a):
    return (a or 0) * 2


with Client(app).open() as client:
    client.type("a", "21")
    assert client.text("double") == "42"
