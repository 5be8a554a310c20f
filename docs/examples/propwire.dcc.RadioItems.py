from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.RadioItems(["small", "large"], "small", id="size", inline=True), html.P(id="cup")])


@app.callback(Output("cup", "children"), Input("size", "value"))
def cup(size):
    return f"a {size} coffee"


with Client(app).open() as client:
    client.select("size", "large")
    assert client.text("cup") == "a large coffee"
