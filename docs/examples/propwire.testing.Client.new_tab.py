from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Store(id="saved", storage_type="local"), dcc.Input(id="note"), html.P(id="shown")])


@app.callback(Output("saved", "data"), Input("note", "value"), prevent_initial_call=True)
def save(note):
    return note


@app.callback(Output("shown", "children"), Input("saved", "data"))
def show(data):
    return f"saved: {data}"


with Client(app).open() as client:
    client.type("note", "buy milk")
    client.new_tab()  # the same browser: localStorage is shared, so the new tab sees the note
    assert client.text("shown") == "saved: buy milk"
