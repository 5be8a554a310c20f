"""A callback fed only by two skipped callbacks (their inputs absent) is skipped too, until they appear."""
from ._shim import Dash, Input, Output, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([html.Button("click", id="btn"), html.Div(id="content"), html.Div("output1 init", id="out1"),
                       html.Div("output2 init", id="out2"), html.Div("output3 init", id="out3")])


@app.callback(Output("content", "children"), [Input("btn", "n_clicks")])
def content(n):
    log("content", n)
    return [html.Div("A", id="a"), html.Div("B", id="b")] if n else "content init"


@app.callback(Output("out1", "children"), [Input("a", "children")])
def out1(a):
    log("out1", a)
    return a


@app.callback(Output("out2", "children"), [Input("b", "children")])
def out2(b):
    log("out2", b)
    return b


@app.callback(Output("out3", "children"), [Input("out1", "children"), Input("out2", "children")])
def out3(o1, o2):
    log("out3", o1, o2)
    return o1 + o2


STEPS = [("click", "btn")]
