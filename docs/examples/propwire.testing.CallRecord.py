from propwire import Dash, Input, Output, html
from propwire.testing import CallRecord, Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Go", id="go"), html.P(id="a"), html.P(id="b")])


@app.callback(Output("a", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
def first(n_clicks):
    return n_clicks


@app.callback(Output("b", "children"), Input("a", "children"), prevent_initial_call=True)
def second(a):
    return a  # runs after first, in the same event


with Client(app).open() as client:
    client.click("go")
    record = client.calls()[1]
    assert isinstance(record, CallRecord)
    assert (record.name, record.triggered, record.status) == ("second", ["a.children"], "ran")
