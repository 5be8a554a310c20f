from propwire import Dash, Input, Output, Patch, State, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="item"), html.Button("Add", id="add"), html.Ul([], id="items")])


@app.callback(Output("items", "children"), Input("add", "n_clicks"), State("item", "value"),
              prevent_initial_call=True)
def add(n_clicks, item):
    patch = Patch()
    patch.append(html.Li(item))  # only the new item travels, however long the list
    return patch


with Client(app).open() as client:
    for item in ("milk", "bread"):
        client.type("item", item)
        client.click("add")
    assert client.text("items") == "milkbread"
