from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="age", type="number", value=30), html.Div(id="box")])


@app.callback(Output("box", "style"), Input("age", "value"))
def style(age):
    return {"color": "green" if age >= 18 else "grey"}


with Client(app).open() as client:
    assert client.prop("box", "style") == {"color": "green"}
    assert client.prop("age", "value") == 30  # a number, not text
    assert client.prop("box", "title") is None  # unset
