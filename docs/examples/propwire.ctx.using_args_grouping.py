from propwire import Dash, Input, Output, callback, ctx, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Go", id="go"), html.P(id="flat"), html.P(id="grouped")])


@callback(Output("flat", "children"), Input("go", "n_clicks"))
def flat(n_clicks):
    return str(ctx.using_args_grouping)  # plain positional Inputs: False


@callback(Output("grouped", "children"), inputs={"clicks": Input("go", "n_clicks")})
def grouped(clicks):
    return str(ctx.using_args_grouping)  # a dict of Inputs: True


with Client(app).open() as client:
    assert (client.text("flat"), client.text("grouped")) == ("False", "True")
