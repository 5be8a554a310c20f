from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.RangeSlider(1900, 2000, 10, value=[1950, 1980], id="years"), html.P(id="span")])


@app.callback(Output("span", "children"), Input("years", "value"))
def span(years):
    low, high = years
    return f"{low} to {high}"


with Client(app).open() as client:
    assert client.text("span") == "1950 to 1980"
    client.set_props("years", value=[1920, 1990])
    assert client.text("span") == "1920 to 1990"
