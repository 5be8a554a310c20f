"""DataTable with persistence=True keeps its sort, page, selected rows and filter across a reload (its default
persisted_props), and the initial callback reads them; a table without persistence starts again."""
from ._shim import Dash, Input, Output, callback, dash_table, html, log

COLUMNS = [{"id": "city", "name": "City"}, {"id": "pop", "name": "Population", "type": "numeric"}]
DATA = [{"id": i, "city": c, "pop": p} for i, (c, p) in enumerate(
    [("Oslo", 700), ("Bergen", 285), ("Turku", 195), ("Malmo", 350), ("Bodo", 52), ("Tromso", 77)])]

app = Dash(__name__)
app.layout = html.Div([
    dash_table.DataTable(id="kept", columns=COLUMNS, data=DATA, page_size=2, sort_action="native",
                         filter_action="native", row_selectable="multi", persistence=True),
    dash_table.DataTable(id="plain", columns=COLUMNS, data=DATA, page_size=2, sort_action="native"),
    html.Div(id="out"), html.Div(id="rows"), html.Div(id="plain-out"),
])


@callback(Output("out", "children"), Input("kept", "sort_by"), Input("kept", "page_current"),
          Input("kept", "selected_rows"), Input("kept", "filter_query"))
def show(sort_by, page, selected, query):
    log("show", sort_by, page, selected, query)
    return f"sort={sort_by} page={page} selected={selected} filter={query!r}"


@callback(Output("rows", "children"), Input("kept", "derived_viewport_row_ids"))
def rows(ids):
    log("rows", ids)
    return str(ids)


@callback(Output("plain-out", "children"), Input("plain", "sort_by"))
def plain(sort_by):
    log("plain", sort_by)
    return str(sort_by)


STEPS = [
    ("table_sort", "kept", "pop"),
    ("table_select", "kept", 0),
    ("table_page", "kept", "next"),
    ("table_sort", "plain", "city"),
    ("reload",),
    ("table_filter", "kept", "pop", "> 100"),
    ("reload",),
]
