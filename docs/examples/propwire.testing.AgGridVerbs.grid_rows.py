import dash_ag_grid as dag

from propwire import Dash, html
from propwire.testing import Client

ROWS = [{"make": "Tesla", "price": 64950}, {"make": "Ford", "price": 33850}, {"make": "Audi", "price": 29600}]
app = Dash(__name__)
app.layout = html.Div([
    dag.AgGrid(id="grid", rowData=ROWS, columnDefs=[{"field": "make"}, {"field": "price", "editable": True}],
               dashGridOptions={"rowSelection": {"mode": "multiRow"}}),
    html.P(id="shown"),
])

with Client(app).open() as client:
    client.sort_grid("grid", "make", "asc")
    assert [r["make"] for r in client.grid_rows("grid")] == ["Audi", "Ford", "Tesla"]
