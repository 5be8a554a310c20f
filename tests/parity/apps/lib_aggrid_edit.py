"""Editing AG Grid cells: cellValueChanged is the callback's Input, and rowData read as State holds the edited
value, with no event of its own for rowData or virtualRowData (the grid writes into the row objects)."""
import dash_ag_grid as dag

from ._shim import Dash, Input, Output, State, callback, html, log

ROWS = [{"item": i, "qty": q} for i, q in [("bolts", 40), ("nuts", 75), ("gears", 12)]]

app = Dash(__name__)
app.layout = html.Div([
    dag.AgGrid(id="grid", rowData=ROWS, columnDefs=[{"field": "item", "editable": True},
                                                   {"field": "qty", "editable": True}],
               dashGridOptions={"animateRows": False}),
    html.Div(id="change"),
    html.Div(id="rows"),
])


@callback(Output("change", "children"), Input("grid", "cellValueChanged"), State("grid", "rowData"))
def change(changes, rows):
    seen = None if not changes else [{k: c[k] for k in ("rowIndex", "rowId", "data", "oldValue", "value", "colId")}
                                     for c in changes]
    log("change", seen, rows)
    return "" if not seen else f"{seen[0]['colId']}: {seen[0]['oldValue']} -> {seen[0]['value']}"


@callback(Output("rows", "children"), Input("grid", "virtualRowData"))
def rows(shown):
    log("rows", shown)
    return " ".join(f"{r['item']}={r['qty']}" for r in shown or [])


STEPS = [
    ("grid_edit", "grid", 1, "qty", 80),
    ("grid_sort", "grid", "qty"),
    ("grid_edit", "grid", 0, "item", "cogs"),
]
