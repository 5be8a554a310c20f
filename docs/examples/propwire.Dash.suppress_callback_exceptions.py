import warnings

from propwire import Dash, Input, Output, html
from propwire.testing import Client

# "more" is not in the initial layout: a callback adds it. Without the option, start-up warns about its id.
app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([html.Button("Show", id="show"), html.Div(id="slot"), html.P(id="count")])


@app.callback(Output("slot", "children"), Input("show", "n_clicks"), prevent_initial_call=True)
def show(_):
    return html.Button("More", id="more")


@app.callback(Output("count", "children"), Input("more", "n_clicks"), prevent_initial_call=True)
def count(n_clicks):
    return f"more x{n_clicks}"


with warnings.catch_warnings():
    warnings.simplefilter("error")  # a start-up warning would fail here
    with Client(app).open() as client:
        client.click("show")
        client.click("more")
        assert client.text("count") == "more x1"
