from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Location(id="url"), dcc.Link("About", href="/about", id="to-about"), html.P(id="page")])


@app.callback(Output("page", "children"), Input("url", "pathname"))
def page(pathname):
    return "about" if pathname == "/about" else "home"


with Client(app).open() as client:
    client.click("to-about")  # the URL changes without a page load
    assert client.text("page") == "about"
