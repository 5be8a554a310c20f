"""Editing DataTable cells: data_timestamp and data are Inputs of a callback that sums a column (a numeric
column keeps numbers; text that is no number is rejected); the active cell moves down on Enter."""
from ._shim import Dash, Input, Output, State, callback, dash_table, html, log

app = Dash(__name__)
app.layout = html.Div([
    dash_table.DataTable(id="t", data=[{"id": i, "item": f"row {i}", "qty": i} for i in range(6)],
                         columns=[{"id": "item", "name": "Item"},
                                  {"id": "qty", "name": "Qty", "type": "numeric"}],
                         editable=True),
    html.Div(id="sum"), html.Div(id="active"),
])


@callback(Output("sum", "children"), Input("t", "data_timestamp"), Input("t", "data"), State("t", "data_previous"))
def total(stamp, data, previous):
    qty = [r["qty"] for r in data]
    log("total", stamp is not None, qty, None if previous is None else [r["qty"] for r in previous])
    return f"sum {sum(q for q in qty if isinstance(q, (int, float)))}"


@callback(Output("active", "children"), Input("t", "active_cell"))
def active(cell):
    log("active", cell)
    return "none" if cell is None else f"{cell['row']} {cell['column_id']} {cell.get('row_id')}"


STEPS = [
    ("table_edit", "t", 1, "qty", "10"),
    ("table_edit", "t", 2, "qty", "2.5"),
    ("table_edit", "t", 3, "qty", "lots"),
    ("table_edit", "t", 0, "item", "first"),
]
