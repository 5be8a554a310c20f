from propwire import Dash, Input, Output, html
from propwire.testing import Client

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([html.Button("Add", id="add"), html.Div(id="slot")])


@app.callback(Output("slot", "children"), Input("add", "n_clicks"), prevent_initial_call=True)
def add(n_clicks):
    return html.P("new", id="new")


with Client(app).open() as client:
    assert not client.exists("new")
    client.click("add")
    assert client.exists("new")
