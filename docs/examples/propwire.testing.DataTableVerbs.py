from propwire import Dash, Input, Output, dash_table, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([
    dash_table.DataTable(id="t", data=[{"id": i, "qty": i % 4} for i in range(25)], page_size=10,
                         sort_action="native"),
    html.P(id="shown"),
])


@app.callback(Output("shown", "children"), Input("t", "derived_viewport_row_ids"))
def shown(ids):
    return " ".join(map(str, ids or []))


with Client(app).open() as client:
    assert client.text("shown") == "0 1 2 3 4 5 6 7 8 9"  # the table reports its rows once mounted, as in a browser
    client.table_page("t", "next")                           # its next-page button
    assert client.text("shown") == "10 11 12 13 14 15 16 17 18 19"
