import dash_ag_grid as dag

from propwire import Dash, Input, Output, html
from propwire.testing import Client

ROWS = [{"make": "Tesla", "price": 64950}, {"make": "Ford", "price": 33850}, {"make": "Audi", "price": 29600}]
app = Dash(__name__)
app.layout = html.Div([
    dag.AgGrid(id="grid", rowData=ROWS, columnDefs=[{"field": "make"}, {"field": "price", "editable": True}],
               dashGridOptions={"rowSelection": {"mode": "multiRow"}}),
    html.P(id="shown"),
])


@app.callback(Output("shown", "children"), Input("grid", "cellClicked"))
def shown(cell):
    return "" if cell is None else f"{cell['colId']} = {cell['value']} (row {cell['rowIndex']}, id {cell['rowId']})"


with Client(app).open() as client:
    client.click_cell("grid", 1, "price")
    assert client.text("shown") == "price = 33850 (row 1, id 1)"
    assert isinstance(client.prop("grid", "cellClicked")["timestamp"], int)
