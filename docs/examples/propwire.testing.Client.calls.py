from propwire import Dash, Input, Output, PreventUpdate, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="n", type="number", value=1), html.P(id="double"), html.P(id="odd")])


@app.callback(Output("double", "children"), Input("n", "value"))
def double(n):
    return n * 2


@app.callback(Output("odd", "children"), Input("n", "value"))
def odd(n):
    if n % 2 == 0:
        raise PreventUpdate
    return "odd"


with Client(app).open() as client:
    client.type("n", "4")
    # both callbacks read n and run side by side: the server reports them in the order they finish
    assert sorted((c.name, c.status) for c in client.calls()) == [("double", "ran"), ("odd", "skipped: PreventUpdate")]
