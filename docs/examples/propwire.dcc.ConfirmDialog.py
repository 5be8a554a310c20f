from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([
    dcc.ConfirmDialog(id="sure", message="Delete everything?"),
    html.Button("Delete", id="delete"),
    html.P(id="status"),
])


@app.callback(Output("sure", "displayed"), Input("delete", "n_clicks"), prevent_initial_call=True)
def ask(n):
    return True


@app.callback(Output("status", "children"), Input("sure", "submit_n_clicks"), prevent_initial_call=True)
def delete(n):
    return "deleted"


with Client(app).open() as client:
    client.accept_dialogs = True  # answer OK (the default is Cancel)
    client.click("delete")
    assert client.dialogs == ["Delete everything?"]
    assert client.text("status") == "deleted"
