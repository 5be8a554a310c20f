from propwire import Dash, Input, Output, dash_table, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dash_table.DataTable(id="t", data=[{"n": i} for i in range(23)], page_size=10,
                                            page_current=0),
                       html.P(id="page")])


@app.callback(Output("page", "children"), Input("t", "page_current"))
def page(current):
    return f"page {current}"


with Client(app).open() as client:
    client.table_page("t", "last")
    assert client.text("page") == "page 2"
    client.table_page("t", "next")  # disabled on the last page: nothing happens
    assert client.text("page") == "page 2"
    client.table_page("t", 0)
    assert client.text("page") == "page 0"
