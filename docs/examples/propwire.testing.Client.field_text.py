from propwire import Dash, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="city", debounce=True, value="Oslo")])

with Client(app).open() as client:
    client.type("city", "Rome")  # debounced: typed, not sent yet
    assert client.field_text("city") == "Rome" and client.prop("city", "value") == "Oslo"
