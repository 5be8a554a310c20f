import dash_ag_grid as dag

from propwire import Dash, Input, Output, State, html
from propwire.testing import Client

ROWS = [{"make": "Tesla", "price": 64950}, {"make": "Ford", "price": 33850}, {"make": "Audi", "price": 29600}]
app = Dash(__name__)
app.layout = html.Div([
    dag.AgGrid(id="grid", rowData=ROWS, columnDefs=[{"field": "make"}, {"field": "price", "editable": True}],
               dashGridOptions={"rowSelection": {"mode": "multiRow"}}),
    html.P(id="shown"),
])


@app.callback(Output("shown", "children"), Input("grid", "cellValueChanged"), State("grid", "rowData"))
def shown(changes, rows):
    if not changes:
        return ""
    change = changes[0]
    return f"{change['oldValue']} -> {change['value']}; total {sum(r['price'] for r in rows)}"


with Client(app).open() as client:
    client.edit_cell("grid", 2, "price", 30000)
    assert client.text("shown") == f"29600 -> 30000; total {64950 + 33850 + 30000}"
