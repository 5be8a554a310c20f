from propwire import Dash, Input, Output, html
from propwire.testing import Client

app = Dash(__name__, prevent_initial_callbacks=True)
app.layout = html.Div([html.Button("Go", id="go"), html.P("not run yet", id="out")])


@app.callback(Output("out", "children"), Input("go", "n_clicks"))
def run(n_clicks):
    return f"run x{n_clicks}"


with Client(app).open() as client:
    assert client.text("out") == "not run yet"  # no call at page load
    client.click("go")
    assert client.text("out") == "run x1"
