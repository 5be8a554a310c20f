from propwire import Dash, Input, Output, callback, ctx, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Go", id="go"), html.P(id="a"), html.P(id="b")])


@callback(output={"left": Output("a", "children"), "right": Output("b", "children")}, inputs=Input("go", "n_clicks"))
def fill(n_clicks):
    grouping = ctx.outputs_grouping  # {"left": {id, property}, "right": {id, property}}
    return {name: f"{name} is {record['id']}.{record['property']}" for name, record in grouping.items()}


with Client(app).open() as client:
    assert client.text("a") == "left is a.children" and client.text("b") == "right is b.children"
