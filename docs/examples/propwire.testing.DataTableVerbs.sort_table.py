from propwire import Dash, Input, Output, dash_table, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([
    dash_table.DataTable(id="t", data=[{"city": "Oslo", "pop": 700}, {"city": "Bodo", "pop": 52},
                                       {"city": "Turku", "pop": 195}], sort_action="native"),
    html.P(id="order"),
])


@app.callback(Output("order", "children"), Input("t", "derived_virtual_data"))
def order(rows):
    return " ".join(r["city"] for r in rows or [])


with Client(app).open() as client:
    client.sort_table("t", "pop")  # one click on the sort arrow: ascending
    assert client.text("order") == "Bodo Turku Oslo"
    client.sort_table("t", "pop")  # again: descending
    assert client.text("order") == "Oslo Turku Bodo"
    assert client.prop("t", "sort_by") == [{"column_id": "pop", "direction": "desc"}]
