"""AG Grid's cellClicked and selectedRows (checkbox selection) as callback Inputs, shown in html.Divs; a click
after a sort names the displayed row index and the row's own id."""
import dash_ag_grid as dag

from ._shim import Dash, Input, Output, callback, html, log

ROWS = [{"make": m, "price": p} for m, p in [("Tesla", 64950), ("Ford", 33850), ("Audi", 29600), ("BMW", 33850)]]

app = Dash(__name__)
app.layout = html.Div([
    dag.AgGrid(id="grid", rowData=ROWS, columnDefs=[{"field": "make"}, {"field": "price"}],
               dashGridOptions={"rowSelection": {"mode": "multiRow"}, "animateRows": False}),
    html.Div(id="clicked"),
    html.Div(id="selected"),
])


@callback(Output("clicked", "children"), Input("grid", "cellClicked"))
def clicked(cell):
    seen = None if cell is None else {k: cell[k] for k in ("value", "colId", "rowIndex", "rowId")}  # no timestamp
    log("clicked", seen)
    return "none" if seen is None else f"{seen['colId']}={seen['value']} at {seen['rowIndex']} (row {seen['rowId']})"


@callback(Output("selected", "children"), Input("grid", "selectedRows"))
def selected(rows):
    log("selected", rows)
    return ", ".join(r["make"] for r in rows or []) or "nothing"


STEPS = [
    ("grid_click", "grid", 1, "make"),
    ("grid_click", "grid", 3, "price"),
    ("grid_select", "grid", 2),
    ("grid_select", "grid", 0),
    ("grid_sort", "grid", "price"),
    ("grid_click", "grid", 0, "make"),
    ("grid_select", "grid", 2),
]
