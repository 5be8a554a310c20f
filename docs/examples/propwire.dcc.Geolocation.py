from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Geolocation(id="geo"), html.Button("Locate me", id="locate"), html.P(id="where")])


@app.callback(Output("geo", "update_now"), Input("locate", "n_clicks"), prevent_initial_call=True)
def locate(_n):
    return True  # read the position again; the Geolocation resets it to False


@app.callback(Output("where", "children"), Input("geo", "position"), Input("geo", "position_error"))
def where(pos, err):
    if err:
        return f"unknown: {err['message']}"
    return "locating..." if pos is None else f"{pos['lat']:.2f}, {pos['lon']:.2f}"


with Client(app) as client:
    client.open()  # Client.geolocation is None: the user refused
    assert client.text("where") == "unknown: User denied Geolocation"
    client.geolocation = {"lat": 48.8566, "lon": 2.3522, "accuracy": 20}
    client.click("locate")
    assert client.text("where") == "48.86, 2.35"
