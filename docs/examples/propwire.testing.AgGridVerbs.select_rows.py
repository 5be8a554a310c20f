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


@app.callback(Output("shown", "children"), Input("grid", "selectedRows"))
def shown(rows):
    return ", ".join(r["make"] for r in rows or []) or "none"


with Client(app).open() as client:
    client.select_rows("grid", [2, 0])  # displayed row indices, in the order they are picked
    assert client.text("shown") == "Audi, Tesla"
    client.select_rows("grid", [])
    assert client.text("shown") == "none"
