"""DataTable's filter row: text typed into columns' filter cells becomes filter_query (`> 30` in a numeric
column, a bare word in a text one, a quoted phrase), clauses joined in the table's order; a filter_query set by
a callback is read back into the cells, and typing into another cell then adds to it."""
from ._shim import Dash, Input, Output, callback, dash_table, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("preset", id="preset"),
    dash_table.DataTable(id="t", data=[{"id": i, "name": f"item {i} {'ab'[i % 2]}", "n": (i * 13) % 50}
                                       for i in range(30)],
                         columns=[{"id": "name", "name": "Name"}, {"id": "n", "name": "N", "type": "numeric"}],
                         filter_action="native", page_size=50),
    html.Div(id="query"), html.Div(id="kept"),
])


@callback(Output("t", "filter_query"), Input("preset", "n_clicks"), prevent_initial_call=True)
def preset(n):
    log("preset", n)
    return "{n} >= 20 && {name} contains a"


@callback(Output("query", "children"), Input("t", "filter_query"))
def query(text):
    log("query", text)
    return str(text)


@callback(Output("kept", "children"), Input("t", "derived_virtual_row_ids"))
def kept(ids):
    log("kept", ids)
    return str(ids)


STEPS = [
    ("table_filter", "t", "n", "> 30"),
    ("table_filter", "t", "name", "b"),
    ("table_filter", "t", "n", "13"),
    ("table_filter", "t", "name", "item 1"),
    ("table_filter", "t", "name", ""),
    ("click", "preset"),
    ("table_filter", "t", "n", "< 40"),
]
