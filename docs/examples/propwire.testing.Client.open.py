from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Location(id="url"), html.P(id="page")])


@app.callback(Output("page", "children"), Input("url", "pathname"))
def page(pathname):
    return f"page {pathname}"


client = Client(app).open("/reports")  # the GET ran the initial callbacks: the page is as a browser shows it
assert client.text("page") == "page /reports"
client.open("/")  # a new page load in the same client (cookies kept)
assert client.text("page") == "page /"
client.close()
