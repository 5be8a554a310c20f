"""Partly missing Outputs (as Dash's test_cbmi004): with one Output absent the callback does not run; once every
Output and Input is present it runs (issue 11 item 19)."""
from ._shim import Dash, Input, Output, callback, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([html.Button("click", id="btn"), html.Div(id="content"), html.Div("output1 init", id="out1")])


@callback(Output("content", "children"), Input("btn", "n_clicks"))
def content(n):
    log("content", n)
    return [html.Div("A", id="a"), html.Div("B", id="b")] if n else "content init"


@callback(Output("out1", "children"), Output("b", "children"), Input("a", "children"))
def out1(a):
    log("out1", a)
    return a, a


STEPS = [("click", "btn")]
