from propwire import Dash, Input, Output, callback, ctx, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Go", id="go"), html.P(id="one"), html.P(id="two")])


@callback(Output("one", "children"), Input("go", "n_clicks"))
def one(n_clicks):
    return str(ctx.using_outputs_grouping)  # one Output: False


@callback(output={"value": Output("two", "children")}, inputs=Input("go", "n_clicks"))
def two(n_clicks):
    return {"value": str(ctx.using_outputs_grouping)}  # a dict of Outputs: True


with Client(app).open() as client:
    assert (client.text("one"), client.text("two")) == ("False", "True")
