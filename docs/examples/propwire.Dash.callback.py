from propwire import Dash, Input, Output, html
from propwire.testing import Client

admin = Dash(__name__)
admin.layout = html.Div([html.Button("Ping", id="ping"), html.P(id="pong")])


@admin.callback(Output("pong", "children"), Input("ping", "n_clicks"))
def pong(n_clicks):
    return f"pong {n_clicks or 0}"


with Client(admin).open() as client:
    client.click("ping")
    assert client.text("pong") == "pong 1"
