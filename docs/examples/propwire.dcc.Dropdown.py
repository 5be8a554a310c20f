from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Dropdown({"nyc": "New York", "sf": "San Francisco"}, ["nyc"], multi=True, id="cities"),
                       html.P(id="picked")])


@app.callback(Output("picked", "children"), Input("cities", "value"))
def picked(values):
    return " & ".join(values)  # multi=True: the value is a list of option values


with Client(app).open() as client:
    client.select("cities", ["nyc", "sf"])
    assert client.text("picked") == "nyc & sf"
