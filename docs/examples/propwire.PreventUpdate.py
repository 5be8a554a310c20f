from propwire import Dash, Input, Output, PreventUpdate, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Go", id="go"), html.P("idle", id="out")])


@app.callback(Output("out", "children"), Input("go", "n_clicks"))
def go(n_clicks):
    if not n_clicks:
        raise PreventUpdate  # at page load: leave "idle" as it is
    return f"clicked {n_clicks}"


with Client(app).open() as client:
    assert client.text("out") == "idle"
    client.click("go")
    assert client.text("out") == "clicked 1"
