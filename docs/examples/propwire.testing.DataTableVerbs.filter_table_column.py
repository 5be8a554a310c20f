from propwire import Dash, Input, Output, dash_table, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([
    dash_table.DataTable(id="t", data=[{"id": i, "name": f"item {i}", "n": i * 3} for i in range(10)],
                         filter_action="native",
                         columns=[{"id": "name", "name": "Name"}, {"id": "n", "name": "N", "type": "numeric"}]),
    html.P(id="kept"),
])


@app.callback(Output("kept", "children"), Input("t", "derived_virtual_row_ids"))
def kept(ids):
    return str(ids)


with Client(app).open() as client:
    client.filter_table_column("t", "n", "> 10")  # typed into the n column's filter cell, then Enter
    assert client.prop("t", "filter_query") == "{n} s> 10"
    client.filter_table_column("t", "name", "item 1")
    assert client.prop("t", "filter_query") == '{n} s> 10 && {name} scontains "item 1"'
    assert client.text("kept") == "[]"  # item 1 has n 3
