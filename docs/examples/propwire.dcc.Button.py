from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Button("Save", id="save"), html.P(id="saved")])


@app.callback(Output("saved", "children"), Input("save", "n_clicks"), prevent_initial_call=True)
def save(n):
    return f"saved {n} time(s)"


with Client(app).open() as client:
    client.click("save")
    client.click("save")
    assert client.text("saved") == "saved 2 time(s)"
