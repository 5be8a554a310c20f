from propwire import Dash, Input, Output, State, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Store(id="cart", data=[]), dcc.Input(id="item"), html.Button("Add", id="add"),
                       html.P(id="count")])


@app.callback(Output("cart", "data"), Input("add", "n_clicks"), State("item", "value"), State("cart", "data"),
              prevent_initial_call=True)
def add(n_clicks, item, cart):
    return cart + [item]  # kept in the browser: the server holds no per-user state


@app.callback(Output("count", "children"), Input("cart", "data"))
def count(cart):
    return f"{len(cart)} in the cart"


with Client(app).open() as client:
    client.type("item", "tea")
    client.click("add")
    assert client.text("count") == "1 in the cart"
