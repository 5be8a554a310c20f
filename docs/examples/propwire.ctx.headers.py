from propwire import Dash, Input, Output, callback, ctx, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Who", id="who"), html.P(id="agent")])


@callback(Output("agent", "children"), Input("who", "n_clicks"), prevent_initial_call=True)
def agent(n_clicks):
    return ctx.headers.get("User-Agent", "?").split("/")[0]  # names ignore case


with Client(app).open() as client:
    client.click("who")
    assert client.text("agent") == "python-httpx"
