from propwire import Dash, Input, Output, callback, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Go", id="go"), html.P(id="first"), html.P(id="second")])


@callback(output=[Output("first", "children"), Output("second", "children")], inputs=Input("go", "n_clicks"))
def both(n_clicks):
    return f"first {n_clicks}", f"second {n_clicks}"


with Client(app).open() as client:
    client.click("go")
    assert (client.text("first"), client.text("second")) == ("first 1", "second 1")
