"""All Inputs absent: the callback does not run, its only-dependent does not either, a mixed one runs once."""
from ._shim import Dash, Input, Output, State, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([html.Div("Title", id="title"), html.Button("click", id="btn"), html.Div(id="content"),
                       html.Div("output1 init", id="out1"), html.Div("output2 init", id="out2"),
                       html.Div("output3 init", id="out3")])


@app.callback(Output("content", "children"), [Input("btn", "n_clicks")])
def content(n):
    log("content", n)
    return [html.Div("A", id="a"), html.Div("B", id="b"), html.Div("C", id="c")] if n else "content init"


@app.callback(Output("out1", "children"), [Input("a", "children"), Input("b", "children")],
              [State("c", "children"), State("title", "children")])
def out1(a, b, c, title):
    log("out1", a, b, c, title)
    return a + b


@app.callback(Output("out2", "children"), [Input("out1", "children")], [State("title", "children")])
def out2(o1, title):
    log("out2", o1, title)
    return o1 + " - 2 - " + title


@app.callback(Output("out3", "children"), [Input("out1", "children"), Input("title", "children")])
def out3(o1, title):
    log("out3", o1, title)
    return o1 + " - 3 - " + title


STEPS = [("click", "btn")]
