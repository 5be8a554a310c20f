from propwire import Dash, Input, Output, callback, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="number", value="1"), html.P(id="inverse")])


@callback(Output("inverse", "children"), Input("number", "value"),
          on_error=lambda error: f"cannot invert: {error}")  # its return value becomes the output
def inverse(text):
    return 1 / float(text)


with Client(app).open() as client:
    client.type("number", "0")
    assert client.text("inverse") == "cannot invert: float division by zero"
