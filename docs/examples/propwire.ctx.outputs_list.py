from propwire import MATCH, Dash, Input, Output, callback, ctx, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Div([html.Button("+", id={"kind": "add", "i": i}), html.P(id={"kind": "shown", "i": i})])
                       for i in range(2)])


@callback(Output({"kind": "shown", "i": MATCH}, "children"), Input({"kind": "add", "i": MATCH}, "n_clicks"),
          prevent_initial_call=True)
def shown(n_clicks):
    target = ctx.outputs_list  # one Output: one record, naming the concrete id this instance writes
    return f"{target['property']} of row {target['id']['i']}"


with Client(app).open() as client:
    client.click({"kind": "add", "i": 1})
    assert client.text({"kind": "shown", "i": 1}) == "children of row 1"
