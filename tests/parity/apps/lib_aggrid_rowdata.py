"""A button's callback replaces the grid's rowData (a filter); the grid sends its displayed rows again, and a
click afterwards names the new rows' ids."""
import dash_ag_grid as dag

from ._shim import Dash, Input, Output, State, callback, ctx, html, log

ROWS = [{"city": c, "pop": p} for c, p in [("Oslo", 709), ("Lima", 10719), ("Kyiv", 2952), ("Rome", 2761),
                                          ("Bern", 134), ("Quito", 2800)]]

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Big cities", id="big"),
    html.Button("All", id="all"),
    dag.AgGrid(id="grid", rowData=ROWS, columnDefs=[{"field": "city"}, {"field": "pop"}],
               dashGridOptions={"animateRows": False}),
    html.Div(id="shown"),
    html.Div(id="clicked"),
])


@callback(Output("grid", "rowData"), Input("big", "n_clicks"), Input("all", "n_clicks"), prevent_initial_call=True)
def filter_rows(big, every):
    log("filter_rows", big, every, ctx.triggered_id)
    return ROWS if ctx.triggered_id == "all" else [r for r in ROWS if r["pop"] > 2000]


@callback(Output("shown", "children"), Input("grid", "virtualRowData"), State("grid", "rowData"))
def shown(rows, data):
    log("shown", [r["city"] for r in rows or []], len(data or []))
    return " ".join(r["city"] for r in rows or [])


@callback(Output("clicked", "children"), Input("grid", "cellClicked"))
def clicked(cell):
    seen = None if cell is None else [cell["value"], cell["rowIndex"], cell["rowId"]]
    log("clicked", seen)
    return str(seen)


STEPS = [
    ("click", "big"),
    ("grid_click", "grid", 1, "city"),
    ("grid_sort", "grid", "pop"),
    ("click", "all"),
    ("grid_click", "grid", 0, "city"),
]
