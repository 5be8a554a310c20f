"""DataTable's native paging (95 rows, 10 a page): its page buttons set page_current, an Input here; the rows on
the page come back through derived_viewport_row_ids."""
from ._shim import Dash, Input, Output, callback, dash_table, html, log

app = Dash(__name__)
app.layout = html.Div([
    dash_table.DataTable(id="t", data=[{"id": i, "name": f"item {i}", "qty": i % 7} for i in range(95)],
                         columns=[{"id": "name", "name": "Name"}, {"id": "qty", "name": "Qty"}],
                         page_size=10, page_current=0),
    html.Div(id="page"), html.Div(id="rows"),
])


@callback(Output("page", "children"), Input("t", "page_current"))
def page(current):
    log("page", current)
    return f"page {current}"


@callback(Output("rows", "children"), Input("t", "derived_viewport_row_ids"))
def rows(ids):
    log("rows", ids)
    return " ".join(map(str, ids or []))


STEPS = [
    ("table_page", "t", "next"),
    ("table_page", "t", "next"),
    ("table_page", "t", "last"),
    ("table_page", "t", "next"),
    ("table_page", "t", "previous"),
    ("table_page", "t", "first"),
]
