"""AG Grid with 10,000 rows from a pandas DataFrame: header clicks sort it (asc, desc, none); the sorted rows
(virtualRowData) and the column's sort (columnState) reach a callback."""
import dash_ag_grid as dag
import pandas as pd

from ._shim import Dash, Input, Output, callback, html, log

df = pd.DataFrame({"n": range(10_000), "score": [(i * 7919) % 1000 for i in range(10_000)],
                   "name": [f"row {i:05d}" for i in range(10_000)]})

app = Dash(__name__)
app.layout = html.Div([
    dag.AgGrid(id="grid", rowData=df.to_dict("records"),
               columnDefs=[{"field": "n"}, {"field": "score"}, {"field": "name"}],
               dashGridOptions={"animateRows": False}, style={"height": 300}),
    html.Div(id="first"),
    html.Div(id="sorts"),
])


@callback(Output("first", "children"), Input("grid", "virtualRowData"))
def first(rows):
    head = [r["n"] for r in (rows or [])[:3]]
    log("first", len(rows or []), head)
    return f"{len(rows or [])} rows, first {head}"


@callback(Output("sorts", "children"), Input("grid", "columnState"))
def sorts(state):
    picked = [(s["colId"], s.get("sort"), s.get("sortIndex")) for s in state or []]
    log("sorts", picked)
    return str([p for p in picked if p[1]])


STEPS = [
    ("grid_sort", "grid", "score"),
    ("grid_sort", "grid", "score"),
    ("grid_sort", "grid", "score"),
    ("grid_sort", "grid", "name"),
]
