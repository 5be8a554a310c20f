"""Inputs, States and Outputs given as tuples instead of lists."""
from ._shim import Dash, Input, Output, State, html, log

app = Dash(__name__)
app.layout = html.Div([html.Div("Yo", id="in1"), html.Div("lo", id="in2"), html.Div(id="out1"), html.Div(id="out2")])


@app.callback(Output("out1", "children"), (Input("in1", "children"), Input("in2", "children")))
def f(i1, i2):
    log("f", i1, i2)
    return "1: " + i1 + i2


@app.callback((Output("out2", "children"),), Input("in1", "children"), (State("in2", "children"),))
def g(i1, i2):
    log("g", i1, i2)
    return ("2: " + i1 + i2,)


STEPS = []
