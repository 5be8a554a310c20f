from propwire import Dash, Input, Output, callback, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="a", value=2, type="number"), dcc.Input(id="b", value=3, type="number"),
                       html.P(id="sum"), html.P(id="product")])


# a dict of Inputs: the function takes them by keyword; a dict of Outputs: it returns a dict
@callback(output={"total": Output("sum", "children"), "times": Output("product", "children")},
          inputs={"x": Input("a", "value"), "y": Input("b", "value")})
def arithmetic(x, y):
    return {"total": x + y, "times": x * y}


with Client(app).open() as client:
    assert (client.text("sum"), client.text("product")) == ("5", "6")
