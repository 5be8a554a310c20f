from propwire import Dash, Input, Output, callback, ctx, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Log in", id="login"), html.Button("Log out", id="logout"), html.P(id="status")])


@callback(Output("status", "children"), Input("login", "n_clicks"), Input("logout", "n_clicks"),
          prevent_initial_call=True)
def session(login, logout):
    if ctx.triggered_id == "login":
        ctx.response.set_cookie("session", "token-123", httponly=True, max_age=3600)
        return "logged in"
    ctx.response.delete_cookie("session")
    return "logged out"


with Client(app).open() as client:
    client.click("login")
    assert client.cookies.get("session") == "token-123"
    client.click("logout")
    assert "session" not in client.cookies
