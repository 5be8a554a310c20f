from propwire import Dash, Input, Output, dcc, html, no_update
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="age", type="number", value=20), html.P(id="echo"), html.P("-", id="adult")])


@app.callback(Output("echo", "children"), Output("adult", "children"), Input("age", "value"))
def check(age):
    # echo always changes; "adult" only when the age is 18 or more, otherwise it keeps what it shows
    return f"age {age}", ("adult" if age >= 18 else no_update)


with Client(app).open() as client:
    client.type("age", "12")
    assert (client.text("echo"), client.text("adult")) == ("age 12", "adult")
