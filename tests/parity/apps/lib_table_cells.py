"""DataTable's cell and row selection as Inputs: active_cell from a click, selected_rows / selected_row_ids from
the row select boxes (row_selectable="multi"), and the derived selected rows of the page."""
from ._shim import Dash, Input, Output, callback, dash_table, html, log

app = Dash(__name__)
app.layout = html.Div([
    dash_table.DataTable(id="t", data=[{"id": 100 + i, "name": f"n{i}", "v": i * i} for i in range(12)],
                         page_size=5, row_selectable="multi"),
    html.Div(id="cell"), html.Div(id="sel"), html.Div(id="viewsel"),
])


@callback(Output("cell", "children"), Input("t", "active_cell"), Input("t", "selected_cells"))
def cell(active, selected):
    log("cell", active, selected)
    return "none" if active is None else f"{active['row']}/{active['column_id']}/{active.get('row_id')}"


@callback(Output("sel", "children"), Input("t", "selected_rows"), Input("t", "selected_row_ids"))
def sel(rows, ids):
    log("sel", rows, ids)
    return f"{rows} {ids}"


@callback(Output("viewsel", "children"), Input("t", "derived_viewport_selected_rows"))
def viewsel(rows):
    log("viewsel", rows)
    return str(rows)


STEPS = [
    ("table_click", "t", 1, "name"),
    ("table_click", "t", 3, "v"),
    ("table_select", "t", 0),
    ("table_select", "t", 2),
    ("table_page", "t", "next"),
    ("table_select", "t", 1),
    ("table_click", "t", 0, "v"),
    ("table_page", "t", "previous"),
    ("table_select", "t", 0),
]
