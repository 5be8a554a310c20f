"""rowTransaction from callbacks (add, remove, update by getRowId; a grid without getRowId only adds): the grid
sends rowData and virtualRowData once it has applied them."""
import dash_ag_grid as dag

from ._shim import Dash, Input, Output, callback, ctx, html, log

ROWS = [{"id": i, "make": m} for i, m in enumerate(["Tesla", "Ford", "Audi"])]
CHANGES = {"add": {"add": [{"id": 11, "make": "Kia"}]}, "rm": {"remove": [{"id": 1, "make": "Ford"}]},
           "up": {"update": [{"id": 0, "make": "TESLA"}]}}

app = Dash(__name__)
app.layout = html.Div([
    html.Button("add", id="add"), html.Button("rm", id="rm"), html.Button("up", id="up"),
    dag.AgGrid(id="keyed", rowData=ROWS, columnDefs=[{"field": "id"}, {"field": "make"}], getRowId="params.data.id"),
    dag.AgGrid(id="plain", rowData=ROWS, columnDefs=[{"field": "id"}, {"field": "make"}]),
    html.Div(id="keyed-rows"), html.Div(id="plain-rows"), html.Div(id="clicked"),
])


@callback(Output("keyed", "rowTransaction"), Output("plain", "rowTransaction"),
          Input("add", "n_clicks"), Input("rm", "n_clicks"), Input("up", "n_clicks"), prevent_initial_call=True)
def transaction(add, rm, up):
    log("transaction", ctx.triggered_id)
    return CHANGES[ctx.triggered_id], CHANGES[ctx.triggered_id]


@callback(Output("keyed-rows", "children"), Input("keyed", "rowData"), Input("keyed", "virtualRowData"))
def keyed_rows(data, shown):
    log("keyed_rows", data, shown)
    return " ".join(r["make"] for r in shown or [])


@callback(Output("plain-rows", "children"), Input("plain", "rowData"), Input("plain", "virtualRowData"))
def plain_rows(data, shown):
    log("plain_rows", data, shown)
    return " ".join(r["make"] for r in shown or [])


@callback(Output("clicked", "children"), Input("plain", "cellClicked"))
def clicked(cell):
    seen = None if cell is None else [cell["value"], cell["rowIndex"], cell["rowId"]]
    log("clicked", seen)
    return str(seen)


STEPS = [
    ("click", "add"),
    ("click", "rm"),
    ("click", "up"),
    ("grid_click", "plain", 3, "make"),
]
