from propwire import Dash, Input, Output, callback, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="first", value="Ada"), dcc.Input(id="last", value="Lovelace"),
                       html.P(id="full")])


@callback(Output("full", "children"), inputs={"given": Input("first", "value"), "family": Input("last", "value")})
def full_name(family, given):  # keyword arguments: their order in the def does not matter
    return f"{given} {family}"


with Client(app).open() as client:
    assert client.text("full") == "Ada Lovelace"
