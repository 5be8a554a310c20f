from propwire import Dash, Input, Output, callback, dcc, html
from propwire.testing import Client

calls = []
app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="n", value=3, type="number"), html.P(id="square")])


@callback(Output("square", "children"), Input("n", "value"), memoize=60)  # results kept 60 s by argument value
def square(n):
    calls.append(n)
    return n * n


with Client(app).open() as client:
    client.type("n", "4")
    client.type("n", "3")  # 3 again: served from the cache
    assert client.text("square") == "9" and calls == [3, 4]
