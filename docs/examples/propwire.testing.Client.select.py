from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Dropdown(["Oslo", "Rome", "Lima"], "Oslo", id="city"), html.P(id="chosen")])


@app.callback(Output("chosen", "children"), Input("city", "value"))
def chosen(city):
    return f"flying to {city}"


with Client(app).open() as client:
    client.select("city", "Lima")
    assert client.text("chosen") == "flying to Lima"
