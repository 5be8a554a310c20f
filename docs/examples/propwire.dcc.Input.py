from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="qty", type="number", min=0, value=1), html.P(id="price")])


@app.callback(Output("price", "children"), Input("qty", "value"))
def price(qty):
    return f"{(qty or 0) * 2.5:.2f} EUR"  # a number field's value is a number (None while empty or invalid)


with Client(app).open() as client:
    client.type("qty", "4")
    assert client.text("price") == "10.00 EUR"
