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


@app.callback(Output("shown", "children"), Input("grid", "virtualRowData"))
def shown(rows):
    return " ".join(r["make"] for r in rows or [])


with Client(app).open() as client:
    assert client.text("shown") == "Tesla Ford Audi"  # the grid's mount sends virtualRowData, as in a browser
    client.sort_grid("grid", "price", "asc")            # a header click
    assert client.text("shown") == "Audi Ford Tesla"
