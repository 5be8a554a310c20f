from propwire import Dash, Input, Output, html
from propwire.testing import Client


def explain(error):
    return f"Sorry: {error}"  # becomes the failing callback's output


app = Dash(__name__, on_error=explain)
app.layout = html.Div([html.Button("Divide", id="divide"), html.P(id="out")])


@app.callback(Output("out", "children"), Input("divide", "n_clicks"), prevent_initial_call=True)
def divide(n_clicks):
    return 1 / 0


with Client(app).open() as client:
    client.click("divide")
    assert client.text("out") == "Sorry: division by zero"
