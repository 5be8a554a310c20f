"""prevent_initial_call flavours through MATCH callbacks on a layout a callback inserts, with the app-wide
prevent_initial_callbacks=True (as Dash's test_cbpi002, "content" and "global" flavour; issue 11 item 13). It uses
@app.callback: Dash applies the app-wide default to those only, not to global @callback ones."""
from ._shim import MATCH, Dash, Input, Output, PreventUpdate, html, log

app = Dash(__name__, prevent_initial_callbacks=True)
app.layout = html.Div(id="content")
inner = html.Div([html.Button("click", id={"i": 0, "j": "btn"})]
                 + [html.Div(x, id={"i": 0, "j": x.lower()}) for x in "ABCDEF"])


@app.callback(Output("content", "children"), Input("content", "style"), prevent_initial_call=False)
def set_content(_):
    log("set_content", _)
    return inner


@app.callback(Output({"i": MATCH, "j": "a"}, "children"), Input({"i": MATCH, "j": "btn"}, "n_clicks"))
def a(n):
    log("a", n)
    return "Click"


@app.callback(Output({"i": MATCH, "j": "b"}, "children"), Input({"i": MATCH, "j": "a"}, "children"),
          prevent_initial_call=False)
def b(va):
    log("b", va)
    return va


@app.callback(Output({"i": MATCH, "j": "c"}, "children"), Input({"i": MATCH, "j": "a"}, "children"))
def c(va):
    log("c", va)
    return va


@app.callback(Output({"i": MATCH, "j": "d"}, "children"), Input({"i": MATCH, "j": "d"}, "style"),
          prevent_initial_call=False)
def d(_):
    log("d", _)
    raise PreventUpdate


@app.callback(Output({"i": MATCH, "j": "e"}, "children"), Input({"i": MATCH, "j": "a"}, "children"),
          Input({"i": MATCH, "j": "d"}, "children"), prevent_initial_call=False)
def e(va, vd):
    log("e", va, vd)
    return va + vd


@app.callback(Output({"i": MATCH, "j": "f"}, "children"), Input({"i": MATCH, "j": "a"}, "children"),
          Input({"i": MATCH, "j": "b"}, "children"), Input({"i": MATCH, "j": "d"}, "children"))
def f(va, vb, vd):
    log("f", va, vb, vd)
    return va + vb + vd


STEPS = [("click", {"i": 0, "j": "btn"})]
