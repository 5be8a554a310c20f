from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Slider(0, 100, 10, value=50, id="volume", marks={0: "mute", 100: "max"}),
                       html.P(id="level")])


@app.callback(Output("level", "children"), Input("volume", "value"))
def level(volume):
    return f"volume {volume}%"


with Client(app).open() as client:
    client.set_props("volume", value=80)  # as dragging the handle would
    assert client.text("level") == "volume 80%"
