from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Location(id="url"), html.P(id="page")])


@app.callback(Output("page", "children"), Input("url", "pathname"))
def page(pathname):
    return {"/": "home", "/about": "about us"}.get(pathname, "not found")


with Client(app).open() as client:
    client.navigate("/about")  # as a dcc.Link would: the URL changes without a page load
    assert client.text("page") == "about us"
