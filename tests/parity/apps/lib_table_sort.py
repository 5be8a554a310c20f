"""DataTable's native sort by its header arrows (none -> asc -> desc -> none): sort_by is an Input, the sorted
rows come back through derived_virtual_row_ids; cells with no value sort last either way."""
from ._shim import Dash, Input, Output, callback, dash_table, html, log

DATA = [{"id": i, "city": c, "pop": p} for i, (c, p) in enumerate(
    [("Oslo", 700), ("Bergen", 285), ("Aalborg", None), ("Turku", 195), ("Malmo", 350), ("Bodo", 52)])]

app = Dash(__name__)
app.layout = html.Div([
    dash_table.DataTable(id="t", data=DATA, sort_action="native", page_size=4),
    html.Div(id="by"), html.Div(id="order"),
])


@callback(Output("by", "children"), Input("t", "sort_by"))
def by(sort_by):
    log("by", sort_by)
    return str(sort_by)


@callback(Output("order", "children"), Input("t", "derived_virtual_row_ids"), Input("t", "derived_viewport_row_ids"))
def order(virtual, viewport):
    log("order", virtual, viewport)
    return f"{virtual} {viewport}"


STEPS = [
    ("table_sort", "t", "pop"),
    ("table_sort", "t", "pop"),
    ("table_sort", "t", "city"),
    ("table_page", "t", "next"),
    ("table_sort", "t", "city"),
    ("table_sort", "t", "city"),
]
