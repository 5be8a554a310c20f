from propwire import Dash, Input, Output, callback, ctx, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Ping", id="ping"), html.P(id="origin")])


@callback(Output("origin", "children"), Input("ping", "n_clicks"), prevent_initial_call=True)
def origin(n_clicks):
    return f"sent by a page of {ctx.origin}"


with Client(app).open() as client:
    client.click("ping")
    assert client.text("origin") == "sent by a page of http://127.0.0.1"
