"""A callback with one Output present and one absent waits until all its parts exist."""
from ._shim import Dash, Input, Output, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([html.Button("click", id="btn"), html.Div(id="content"), html.Div("output1 init", id="out1")])


@app.callback(Output("content", "children"), [Input("btn", "n_clicks")])
def content(n):
    log("content", n)
    return [html.Div("A", id="a"), html.Div("B", id="b")] if n else "content init"


@app.callback([Output("out1", "children"), Output("b", "children")], [Input("a", "children")])
def out1(a):
    log("out1", a)
    return a, a


STEPS = [("click", "btn")]
