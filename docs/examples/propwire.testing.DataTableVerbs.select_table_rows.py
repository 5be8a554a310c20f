from propwire import Dash, Input, Output, dash_table, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dash_table.DataTable(id="t", data=[{"id": 10 + i} for i in range(4)], row_selectable="multi"),
                       html.P(id="chosen")])


@app.callback(Output("chosen", "children"), Input("t", "selected_row_ids"))
def chosen(ids):
    return str(ids)


with Client(app).open() as client:
    client.select_table_rows("t", [0, 2])
    assert client.text("chosen") == "[10, 12]"
    client.select_table_rows("t", [0])  # a second click unticks it
    assert client.text("chosen") == "[12]"
