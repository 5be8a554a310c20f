from propwire import Dash, Input, Output, State, callback, ctx, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="user", value="ada"), html.Button("Log in", id="login"), html.P(id="who")])


@callback(Output("who", "children"), Input("login", "n_clicks"), State("user", "value"),
          prevent_initial_call=True)
def who(n_clicks, user):
    return f"logged in as {ctx.states['user.value']}"


with Client(app).open() as client:
    client.click("login")
    assert client.text("who") == "logged in as ada"
