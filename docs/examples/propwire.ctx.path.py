from propwire import Dash, Input, Output, callback, ctx, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Location(id="url"), html.P(id="where")])


@callback(Output("where", "children"), Input("url", "pathname"))
def where(pathname):
    return ctx.path  # at page load: the page's own path and query


with Client(app).open("/report?year=2024") as client:
    assert client.text("where") == "/report?year=2024"
