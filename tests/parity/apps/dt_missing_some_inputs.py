"""One Input absent and one present at load (an error in Dash's console); once both exist the chain runs."""
from ._shim import Dash, Input, Output, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([html.Div("Title", id="title"), html.Button("click", id="btn"), html.Div(id="content"),
                       html.Div("output1 init", id="out1"), html.Div("output2 init", id="out2")])


@app.callback(Output("content", "children"), [Input("btn", "n_clicks")])
def content(n):
    log("content", n)
    return [html.Div("A", id="a"), html.Div("B", id="b")] if n else "content init"


@app.callback(Output("out1", "children"), [Input("a", "children"), Input("title", "children")])
def out1(a, title):
    log("out1", a, title)
    return a + title


@app.callback(Output("out2", "children"), [Input("out1", "children")])
def out2(o1):
    log("out2", o1)
    return o1 + " - 2"


STEPS = [("click", "btn")]
