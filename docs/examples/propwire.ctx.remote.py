from propwire import Dash, Input, Output, callback, ctx, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Ping", id="ping"), html.P(id="from")])


@callback(Output("from", "children"), Input("ping", "n_clicks"), prevent_initial_call=True)
def from_where(n_clicks):
    return f"from {ctx.remote}"  # the client's address as the server saw it (a proxy's, behind one)


with Client(app).open() as client:
    client.click("ping")
    assert client.text("from") == "from 127.0.0.1"
