"""A MATCH callback over two DataTables with pattern ids: each table's active_cell and page_current drive its
own summary."""
from ._shim import MATCH, Dash, Input, Output, callback, dash_table, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Div([
        dash_table.DataTable(id={"type": "tbl", "index": i},
                             data=[{"id": 10 * i + r, "v": r * (i + 1)} for r in range(12)], page_size=5),
        html.Div(id={"type": "info", "index": i}),
    ]) for i in range(2)
])


@callback(Output({"type": "info", "index": MATCH}, "children"), Input({"type": "tbl", "index": MATCH}, "active_cell"),
          Input({"type": "tbl", "index": MATCH}, "page_current"))
def info(cell, page):
    log("info", cell, page)
    return f"page {page} cell {None if cell is None else (cell['row'], cell['column_id'], cell.get('row_id'))}"


STEPS = [
    ("table_click", {"type": "tbl", "index": 1}, 2, "v"),
    ("table_page", {"type": "tbl", "index": 0}, "next"),
    ("table_click", {"type": "tbl", "index": 0}, 4, "id"),
    ("table_page", {"type": "tbl", "index": 1}, "last"),
]
