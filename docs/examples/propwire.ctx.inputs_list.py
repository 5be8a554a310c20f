from propwire import ALL, Dash, Input, Output, callback, ctx, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id={"item": name}, value=qty, type="number") for name, qty in [("pens", 2), ("ink", 5)]]
                      + [html.P(id="order")])


@callback(Output("order", "children"), Input({"item": ALL}, "value"))
def order(quantities):
    records = ctx.inputs_list[0]  # the ALL Input: one {id, property, value} record per matched component
    return ", ".join(f"{r['value']} {r['id']['item']}" for r in records)


with Client(app).open() as client:
    assert client.text("order") == "2 pens, 5 ink"
