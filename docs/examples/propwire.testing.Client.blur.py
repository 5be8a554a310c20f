from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="email", debounce=True), html.P(id="checked")])


@app.callback(Output("checked", "children"), Input("email", "value"), prevent_initial_call=True)
def check(email):
    return "valid" if "@" in email else "invalid"


with Client(app).open() as client:
    client.type("email", "ada@example.com")  # debounce=True: nothing is sent while typing
    assert client.text("checked") == ""
    client.blur("email")  # leaving the field sends it
    assert client.text("checked") == "valid"
