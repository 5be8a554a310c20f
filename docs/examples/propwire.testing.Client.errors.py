from propwire import Dash, Input, Output, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Break", id="break"), html.P(id="out")])


@app.callback(Output("out", "children"), Input("break", "n_clicks"), prevent_initial_call=True)
def broken(n_clicks):
    raise KeyError("missing")


with Client(app).open() as client:
    assert client.errors() == []
    client.click("break")
    assert len(client.errors()) == 1 and "broken" in client.errors()[0]
