"""dash-ag-grid with persistence=True keeps `selectedRows` (its default persisted_props) across a reload; the
callback reading it sees the kept rows."""
import dash_ag_grid as dag

from ._shim import Dash, Input, Output, callback, html, log

ROWS = [{"city": "Oslo", "pop": 700}, {"city": "Bergen", "pop": 285}, {"city": "Turku", "pop": 195}]

app = Dash(__name__)
app.layout = html.Div([
    dag.AgGrid(id="g", rowData=ROWS, columnDefs=[{"field": "city"}, {"field": "pop"}],
               dashGridOptions={"rowSelection": {"mode": "multiRow"}}, persistence=True, style={"height": 300}),
    html.Div(id="out"),
])


@callback(Output("out", "children"), Input("g", "selectedRows"))
def show(rows):
    log("show", rows)
    return str([row["city"] for row in rows or []])


STEPS = [
    ("grid_select", "g", 1),
    ("grid_select", "g", 2),
    ("reload",),
]
