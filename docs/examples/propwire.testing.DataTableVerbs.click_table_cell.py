from propwire import Dash, Input, Output, dash_table, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dash_table.DataTable(id="t", data=[{"id": 7, "name": "a"}, {"id": 8, "name": "b"}]),
                       html.P(id="cell")])


@app.callback(Output("cell", "children"), Input("t", "active_cell"))
def cell(active):
    return "none" if active is None else f"{active['row_id']} {active['column_id']}"


with Client(app).open() as client:
    client.click_table_cell("t", 1, "name")
    assert client.text("cell") == "8 name"
    assert client.prop("t", "selected_cells") == [{"row": 1, "column": 1, "column_id": "name", "row_id": 8}]
