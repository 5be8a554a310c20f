from propwire import ALL, Dash, Input, Output, State, callback, ctx, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id={"field": f}, value=v) for f, v in [("first", "Ada"), ("last", "King")]]
                      + [html.Button("Submit", id="submit"), html.P(id="form")])


@callback(Output("form", "children"), Input("submit", "n_clicks"), State({"field": ALL}, "value"),
          prevent_initial_call=True)
def submit(n_clicks, values):
    return "; ".join(f"{r['id']['field']}={r['value']}" for r in ctx.states_list[0])


with Client(app).open() as client:
    client.click("submit")
    assert client.text("form") == "first=Ada; last=King"
