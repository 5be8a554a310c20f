from propwire import Dash, Input, Output, callback, ctx, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="w", value=3, type="number"), dcc.Input(id="h", value=4, type="number"),
                       html.P(id="area")])


@callback(Output("area", "children"), Input("w", "value"), Input("h", "value"))
def area(*_):
    values = ctx.inputs  # {"w.value": 3, "h.value": 4}
    return values["w.value"] * values["h.value"]


with Client(app).open() as client:
    assert client.text("area") == "12"
