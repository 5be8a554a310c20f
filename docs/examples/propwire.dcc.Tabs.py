from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([
    dcc.Tabs(id="tabs", children=[
        dcc.Tab(label="Sales", value="sales", children=html.P("sales figures", id="sales")),
        dcc.Tab(label="Costs", value="costs", id="costs-tab", children=html.P("cost figures", id="costs")),
    ]),
    html.P(id="picked"),
])


@app.callback(Output("picked", "children"), Input("tabs", "value"))
def picked(value):
    return f"on {value}"


with Client(app).open() as client:
    assert client.text("picked") == "on sales"  # no value given: the first Tab's
    client.click("costs-tab")
    assert client.text("picked") == "on costs"
    assert "costs" in client.snapshot() and "sales" not in client.snapshot()  # only the picked Tab's children
