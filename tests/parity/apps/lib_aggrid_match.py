"""A MATCH callback over two grids with pattern ids: a cell click in one grid updates only its own output."""
import dash_ag_grid as dag

from ._shim import MATCH, Dash, Input, Output, callback, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Div([
        dag.AgGrid(id={"type": "grid", "index": i},
                   rowData=[{"item": f"{name} {k}", "qty": k * (i + 1)} for k in range(4)],
                   columnDefs=[{"field": "item"}, {"field": "qty"}], dashGridOptions={"animateRows": False},
                   style={"height": 220}),
        html.Div(id={"type": "out", "index": i}),
    ]) for i, name in enumerate(["apple", "pear"])
])


@callback(Output({"type": "out", "index": MATCH}, "children"), Input({"type": "grid", "index": MATCH}, "cellClicked"))
def show(cell):
    seen = None if cell is None else [cell["value"], cell["colId"], cell["rowIndex"]]
    log("show", seen)
    return "nothing yet" if seen is None else f"{seen[1]} = {seen[0]} (row {seen[2]})"


STEPS = [
    ("grid_click", {"type": "grid", "index": 1}, 2, "item"),
    ("grid_click", {"type": "grid", "index": 0}, 3, "qty"),
    ("grid_click", {"type": "grid", "index": 1}, 0, "qty"),
]
