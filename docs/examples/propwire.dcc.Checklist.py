from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([
    dcc.Checklist([{"label": "Email me", "value": "email"}, {"label": "Text me", "value": "sms"}], [], id="notify"),
    html.P(id="channels"),
])


@app.callback(Output("channels", "children"), Input("notify", "value"))
def channels(values):
    return ", ".join(values) or "none"


with Client(app).open() as client:
    client.check("notify", "sms")
    assert client.text("channels") == "sms"
