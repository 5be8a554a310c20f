from propwire import Dash, Input, Output, ctx, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Remember me", id="remember"), html.P(id="out")])


@app.callback(Output("out", "children"), Input("remember", "n_clicks"), prevent_initial_call=True)
def remember(n_clicks):
    ctx.response.set_cookie("remember", "yes", max_age=86400)
    return "remembered"


with Client(app).open() as client:
    client.click("remember")
    assert client.cookies == {"remember": "yes"}
