from propwire import Dash, Input, Output, State, callback, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="name", value="Ada"), html.Button("Greet", id="greet"), html.P(id="out")])


@callback(Output("out", "children"), Input("greet", "n_clicks"), State("name", "value"))
def greet(n_clicks, name):
    # the button's clicks run it; the name is read but its edits do not
    return f"Hello {name}" if n_clicks else "Type a name, then click"


with Client(app).open() as client:
    assert client.text("out") == "Type a name, then click"
    client.type("name", "Grace")
    assert client.text("out") == "Type a name, then click"  # a State's change runs nothing
    client.click("greet")
    assert client.text("out") == "Hello Grace"
