from propwire import Dash, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.H1("Report"), html.P(["Total: ", html.B("42")])], id="page")

with Client(app).open() as client:
    assert client.text("page") == "ReportTotal: 42"  # all the text inside, like the DOM's textContent
