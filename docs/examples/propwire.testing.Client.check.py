from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Checklist(["cheese", "olives", "basil"], ["cheese"], id="toppings"), html.P(id="pizza")])


@app.callback(Output("pizza", "children"), Input("toppings", "value"))
def pizza(toppings):
    return " + ".join(toppings)


with Client(app).open() as client:
    client.check("toppings", "basil")  # checked: it joins the value
    client.check("toppings", "cheese")  # already checked: it leaves it
    assert client.text("pizza") == "basil"
