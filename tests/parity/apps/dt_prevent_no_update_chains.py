"""A no_update output does not trigger its reader; the same value written again does. (b_out starts as "b" in the
layout: which of two initial answers lands first is a race in Dash, so the State it reads at load must not depend
on it.)"""
from ._shim import Dash, Input, Output, State, dcc, html, log, no_update

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="a_in", value="a"), dcc.Input(id="b_in", value="b"), html.P("", id="a_out"),
                       html.P("", id="a_out_short"), html.P("b", id="b_out"), html.P("", id="ab_out")])


@app.callback([Output("a_out", "children"), Output("a_out_short", "children")], [Input("a_in", "value")])
def a_out(a):
    log("a_out", a)
    return a, a if len(a) < 3 else no_update


@app.callback(Output("b_out", "children"), [Input("b_in", "value")])
def b_out(b):
    log("b_out", b)
    return b


@app.callback(Output("ab_out", "children"), [Input("a_out_short", "children")], [State("b_out", "children")])
def ab_out(a, b):
    log("ab_out", a, b)
    return a + " " + b


STEPS = [("type", "b_in", "bb"), ("type", "a_in", "aa"), ("type", "b_in", "bbb"), ("type", "a_in", "aaa"),
         ("type", "b_in", "bbbb"), ("type", "a_in", "aa")]
