from propwire import Dash, Input, Output, callback, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Go", id="go"), html.P("waiting", id="out")])


@callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
def go(n_clicks):
    return f"clicked {n_clicks}"


with Client(app).open() as client:
    assert client.text("out") == "waiting"  # not called at page load
    client.click("go")
    assert client.text("out") == "clicked 1"
