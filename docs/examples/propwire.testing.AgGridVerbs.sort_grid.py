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


@app.callback(Output("shown", "children"), Input("grid", "columnState"), Input("grid", "virtualRowData"))
def shown(state, rows):
    sorts = [(s["colId"], s["sort"]) for s in state or [] if s.get("sort")]
    return f"{sorts} {[r['make'] for r in rows or []]}"


with Client(app).open() as client:
    client.sort_grid("grid", "price", "desc")
    assert client.text("shown") == "[('price', 'desc')] ['Tesla', 'Ford', 'Audi']"
    client.sort_grid("grid", "price", None)
    assert client.text("shown") == "[] ['Tesla', 'Ford', 'Audi']"
