"""A single Output given bare or inside a one-item list: the bare one returns a value, the listed one a 1-tuple."""
from ._shim import Dash, Input, Output, html, log

app = Dash(__name__)
app.layout = html.Div([html.Div("Hi", id="in"), html.Div(id="out1"), html.Div(id="out2")])


@app.callback(Output("out1", "children"), Input("in", "children"))
def o1(i):
    log("o1", i)
    return "1: " + i


@app.callback([Output("out2", "children")], [Input("in", "children")])
def o2(i):
    log("o2", i)
    return ("2: " + i,)


STEPS = []
