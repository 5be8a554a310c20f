from propwire import Dash, Input, Output, html
from propwire.exceptions import ValidationError

app = Dash(__name__)
app.layout = html.Div([html.Button(id="a"), html.Button(id="b"), html.P(id="out")])


@app.callback(Output("out", "children"), Input("a", "n_clicks"))
def from_a(n_clicks):
    return "a"


@app.callback(Output("out", "children"), Input("b", "n_clicks"))  # a second writer without allow_duplicate
def from_b(n_clicks):
    return "b"


try:
    engine = app.engine  # checks the whole app now, as the first request would
except ValidationError as error:
    assert "out.children" in str(error)  # the message names the prop at fault
else:
    raise AssertionError("two writers of one prop were accepted")
