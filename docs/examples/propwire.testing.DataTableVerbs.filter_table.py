from propwire import Dash, Input, Output, dash_table, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([
    dash_table.DataTable(id="t", data=[{"id": i, "n": i * 3} for i in range(10)], filter_action="native",
                         columns=[{"id": "id", "name": "id"}, {"id": "n", "name": "n"}]),
    html.P(id="kept"),
])


@app.callback(Output("kept", "children"), Input("t", "derived_virtual_row_ids"))
def kept(ids):
    return str(ids)


with Client(app).open() as client:
    client.filter_table("t", "{n} > 10 && {n} <= 21")
    assert client.text("kept") == "[4, 5, 6, 7]"
