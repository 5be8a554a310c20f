from propwire import Dash, Input, Output, callback, ctx, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="lo", value=1, type="number"), dcc.Input(id="hi", value=9, type="number"),
                       html.P(id="changed")])


@callback(Output("changed", "children"), inputs={"low": Input("lo", "value"), "high": Input("hi", "value")},
          prevent_initial_call=True)
def changed(low, high):
    grouping = ctx.args_grouping  # shaped like the arguments: {"low": record, "high": record}
    return [name for name, record in grouping.items() if record["triggered"]][0]


with Client(app).open() as client:
    client.type("hi", "10")
    assert client.text("changed") == "high"
