from propwire import Dash, Input, Output, callback, ctx, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Dark", id="dark"), html.P(id="theme")])


@callback(Output("theme", "children"), Input("dark", "n_clicks"))
def theme(n_clicks):
    if n_clicks:
        ctx.response.set_cookie("theme", "dark")
    return f"theme: {ctx.cookies.get('theme', 'light')}"  # what the browser sent with this request


with Client(app).open() as client:
    client.click("dark")  # sets the cookie; this request did not carry it yet
    assert client.text("theme") == "theme: light"
    client.open()  # the next page load carries it
    assert client.text("theme") == "theme: dark"
