"""One of two intermediate callbacks always raises PreventUpdate; the converging callback still follows every key."""
from ._shim import Dash, Input, Output, PreventUpdate, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="a", value="x"), html.Div("b", id="b"), html.Div("c", id="c"),
                       html.Div(id="out")])


@app.callback(Output("out", "children"), Input("a", "value"), Input("b", "children"), Input("c", "children"))
def set_out(a, b, c):
    log("set_out", a, b, c)
    return f"{a}/{b}/{c}"


@app.callback(Output("b", "children"), Input("a", "value"))
def set_b(a):
    log("set_b", a)
    raise PreventUpdate


@app.callback(Output("c", "children"), Input("a", "value"))
def set_c(a):
    log("set_c", a)
    return a


STEPS = [("type", "a", "x0"), ("type", "a", "x01"), ("type", "a", "x012"), ("type", "a", "x0123")]
