"""Every Input an ALL over no component yet (as Dash's test_cbmi005): the callback runs at load with [], its
follower runs on its output, and both re-run as items are added (issue 11 items 13 and 21)."""
from ._shim import ALL, Dash, Input, Output, callback, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([
    html.Div("Title", id="title"), html.Button("click", id="btn"), html.Div(id="content"),
    html.Div("output1 init", id="out1"), html.Div("output2 init", id="out2"),
])


@callback(Output("content", "children"), Input("btn", "n_clicks"))
def content(n):
    log("content", n)
    out = [html.Div(f"item {i}", id={"i": i}) for i in range(n or 0)]
    return out or "content init"


@callback(Output("out1", "children"), Input({"i": ALL}, "children"))
def out1(items):
    log("out1", items)
    return ", ".join(items) or "no items"


@callback(Output("out2", "children"), Input("out1", "children"))
def out2(text):
    log("out2", text)
    return text + " - 2"


STEPS = [("click", "btn"), ("click", "btn")]
