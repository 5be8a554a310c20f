from propwire import Dash, Input, Output, callback, ctx, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Red", id="red"), html.Button("Blue", id="blue"), html.P(id="picked")])


@callback(Output("picked", "children"), Input("red", "n_clicks"), Input("blue", "n_clicks"))
def pick(red, blue):
    # one callback for two buttons: ctx says which one was clicked
    return f"picked {ctx.triggered_id}" if ctx.triggered_id else "pick a colour"


with Client(app).open() as client:
    assert client.text("picked") == "pick a colour"
    client.click("blue")
    assert client.text("picked") == "picked blue"
