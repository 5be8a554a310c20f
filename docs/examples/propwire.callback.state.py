from propwire import Dash, Input, Output, State, callback, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="note"), html.Button("Save", id="save"), html.P(id="saved")])


@callback(Output("saved", "children"), inputs=[Input("save", "n_clicks")], state=[State("note", "value")],
          prevent_initial_call=True)
def save(n_clicks, note):
    return f"saved: {note}"


with Client(app).open() as client:
    client.type("note", "milk")
    client.click("save")
    assert client.text("saved") == "saved: milk"
