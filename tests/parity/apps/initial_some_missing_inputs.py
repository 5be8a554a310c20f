"""Partly missing Inputs (as Dash's test_cbmi003): one Input absent and one present — Dash does not call the
callback at load (nor what it feeds); once the component appears it runs (issue 11 item 19)."""
from ._shim import Dash, Input, Output, callback, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([
    html.Div("Title", id="title"), html.Button("click", id="btn"), html.Div(id="content"),
    html.Div("output1 init", id="out1"), html.Div("output2 init", id="out2"),
])


@callback(Output("content", "children"), Input("btn", "n_clicks"))
def content(n):
    log("content", n)
    return [html.Div("A", id="a"), html.Div("B", id="b")] if n else "content init"


@callback(Output("out1", "children"), Input("a", "children"), Input("title", "children"))
def out1(a, title):
    log("out1", a, title)
    return a + title


@callback(Output("out2", "children"), Input("out1", "children"))
def out2(text):
    log("out2", text)
    return text + " - 2"


STEPS = [("click", "btn")]
