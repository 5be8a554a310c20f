from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Interval(id="tick", interval=1000, max_intervals=3), html.P(id="clock")])


@app.callback(Output("clock", "children"), Input("tick", "n_intervals"))
def clock(n_intervals):
    return f"{n_intervals} s"  # the browser counts up n_intervals every `interval` ms


with Client(app).open() as client:
    assert client.text("clock") == "0 s"
    client.set_props("tick", n_intervals=1)  # the headless client ticks when told to
    assert client.text("clock") == "1 s"
