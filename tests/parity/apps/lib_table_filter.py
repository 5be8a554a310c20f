"""DataTable's native filter: a query typed into an input becomes filter_query (a callback Output); the rows it
keeps come back through derived_virtual_row_ids, and a page past the filtered rows' last one goes back to 0."""
from ._shim import Dash, Input, Output, callback, dash_table, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Input(id="q", debounce=True, value=""),
    dash_table.DataTable(id="t", data=[{"id": i, "name": f"item {i}", "n": i % 9} for i in range(40)],
                         columns=[{"id": c, "name": c} for c in ("id", "name", "n")],
                         filter_action="native", page_size=5, page_current=6),
    html.Div(id="kept"), html.Div(id="page"),
])


@callback(Output("t", "filter_query"), Input("q", "value"), prevent_initial_call=True)
def query(text):
    log("query", text)
    return text


@callback(Output("kept", "children"), Input("t", "derived_virtual_row_ids"))
def kept(ids):
    log("kept", ids)
    return str(ids)


@callback(Output("page", "children"), Input("t", "page_current"))
def page(current):
    log("page", current)
    return str(current)


STEPS = [
    ("type", "q", "{n} > 6", {"enter": True}),
    ("type", "q", "{n} = 3 || {name} contains 1", {"enter": True}),
    ("type", "q", "{name} icontains ITEM 3", {"enter": True}),
    ("type", "q", "{n} >", {"enter": True}),
    ("type", "q", "", {"enter": True}),
]
