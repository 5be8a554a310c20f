from propwire import Dash, Input, Output, callback, ctx, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="city", value="Oslo"), html.P(id="why")])


@callback(Output("why", "children"), Input("city", "value"))
def why(city):
    if not ctx.triggered:  # falsy at page load, though ctx.triggered[0]["prop_id"] is still "."
        return f"page load ({ctx.triggered[0]['prop_id']})"
    change = ctx.triggered[0]
    return f"{change['prop_id']} became {change['value']}"


with Client(app).open() as client:
    assert client.text("why") == "page load (.)"
    client.type("city", "Rome")
    assert client.text("why") == "city.value became Rome"
