"""A DataTable whose layout sets filter_query: its filter row reads the clauses back (DataTable's order), and
typing into a column's cell replaces that column's clause in them."""
from ._shim import Dash, Input, Output, callback, dash_table, html, log

app = Dash(__name__)
app.layout = html.Div([
    dash_table.DataTable(id="t", data=[{"id": i, "name": f"item {i} {'ab'[i % 2]}", "n": (i * 13) % 50}
                                       for i in range(30)],
                         columns=[{"id": "name", "name": "Name"}, {"id": "n", "name": "N", "type": "numeric"}],
                         filter_action="native", filter_query="{n} > 10 && {name} contains a", page_size=50),
    html.Div(id="query"), html.Div(id="kept"),
])


@callback(Output("query", "children"), Input("t", "filter_query"))
def query(text):
    log("query", text)
    return str(text)


@callback(Output("kept", "children"), Input("t", "derived_virtual_row_ids"))
def kept(ids):
    log("kept", ids)
    return str(ids)


STEPS = [
    ("table_filter", "t", "n", "< 40"),
    ("table_filter", "t", "name", "b"),
    ("table_filter", "t", "n", ""),
]
