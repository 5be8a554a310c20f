"""A callback fed only by two callbacks that were skipped for missing inputs does not run at load either
(as Dash's test_cbmi002); all three run once the inputs appear (issue 11 items 7 and 13)."""
from ._shim import Dash, Input, Output, callback, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([
    html.Button("click", id="btn"), html.Div(id="content"),
    html.Div("output1 init", id="out1"), html.Div("output2 init", id="out2"), html.Div("output3 init", id="out3"),
])


@callback(Output("content", "children"), Input("btn", "n_clicks"))
def content(n):
    log("content", n)
    return [html.Div("A", id="a"), html.Div("B", id="b")] if n else "content init"


@callback(Output("out1", "children"), Input("a", "children"))
def out1(a):
    log("out1", a)
    return a


@callback(Output("out2", "children"), Input("b", "children"))
def out2(b):
    log("out2", b)
    return b


@callback(Output("out3", "children"), Input("out1", "children"), Input("out2", "children"))
def out3(x, y):
    log("out3", x, y)
    return x + y


STEPS = [("click", "btn")]
