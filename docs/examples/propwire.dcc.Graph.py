from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([
    dcc.Graph(id="sales", figure={"data": [{"type": "bar", "x": ["north", "south"], "y": [3, 5]}]}),
    html.Div(id="picked"),
])


@app.callback(Output("picked", "children"), Input("sales", "clickData"))
def picked(click):
    return "click a bar" if click is None else f"{click['points'][0]['x']}: {click['points'][0]['y']}"


with Client(app).open() as client:
    assert client.text("picked") == "click a bar"
    # what the browser sends for a click on the second bar
    client.set_props("sales", clickData={"points": [{"curveNumber": 0, "pointNumber": 1, "x": "south", "y": 5}]})
    assert client.text("picked") == "south: 5"
