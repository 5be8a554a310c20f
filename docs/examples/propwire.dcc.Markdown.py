from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="name", value="Ada"), dcc.Markdown(id="card")])


@app.callback(Output("card", "children"), Input("name", "value"))
def card(name):
    return f"# {name}\n\n*Mathematician*"


with Client(app).open() as client:
    assert client.prop("card", "children") == "# Ada\n\n*Mathematician*"
