"""An ALL Input plus an absent plain Input: the callback does not run until the plain one appears."""
from ._shim import ALL, Dash, Input, Output, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([html.Div("Title", id="title"), html.Button("click", id="btn"), html.Div(id="content"),
                       html.Div("output1 init", id="out1"), html.Div("output2 init", id="out2")])


@app.callback(Output("content", "children"), [Input("btn", "n_clicks")])
def content(n):
    log("content", n)
    out = [html.Div(f"item {i}", id={"i": i}) for i in range(n or 0)]
    return (out + [html.Div("A", id="a")]) if out else "content init"


@app.callback(Output("out1", "children"), [Input({"i": ALL}, "children"), Input("a", "children")])
def out1(items, a):
    log("out1", items, a)
    return a + " - " + (", ".join(items) or "no items")


@app.callback(Output("out2", "children"), [Input("out1", "children")])
def out2(o1):
    log("out2", o1)
    return o1 + " - 2"


STEPS = [("click", "btn"), ("click", "btn")]
