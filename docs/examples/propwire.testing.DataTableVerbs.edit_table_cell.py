from propwire import Dash, Input, Output, dash_table, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([
    dash_table.DataTable(id="t", data=[{"qty": 1}, {"qty": 2}], editable=True,
                         columns=[{"id": "qty", "name": "Qty", "type": "numeric"}]),
    html.P(id="total"),
])


@app.callback(Output("total", "children"), Input("t", "data_timestamp"), Input("t", "data"))
def total(stamp, data):
    return f"{sum(r['qty'] for r in data)} edited={stamp is not None}"


with Client(app).open() as client:
    client.edit_table_cell("t", 0, "qty", "40")  # click, type, Enter: a numeric column keeps the number
    assert client.text("total") == "42 edited=True"
    assert client.prop("t", "active_cell")["row"] == 1  # Enter moved the active cell down
