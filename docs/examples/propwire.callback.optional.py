import warnings

from propwire import Dash, Input, Output, callback, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.P(id="out")])  # no "later" button at load


@callback(Output("out", "children"), Input("later", "n_clicks"), optional=True)
def later(n_clicks):
    return f"clicked {n_clicks}"


with warnings.catch_warnings():
    warnings.simplefilter("error")  # optional=True: the absent id is not warned about
    with Client(app).open() as client:
        assert client.text("out") == ""  # no call: its Input is not in the page
