from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Location(id="url"), html.Div(id="content")])


@app.callback(Output("content", "children"), Input("url", "pathname"), Input("url", "search"))
def route(pathname, search):
    return f"{pathname} with {search or 'no query'}"


with Client(app).open("/orders?status=open") as client:
    assert client.text("content") == "/orders with ?status=open"
