"""prevent_initial_call flavours at load (as Dash's test_cbpi001): a prevented callback is as if it were not in the
initial chain, so what it feeds still runs; PreventUpdate in another's initial call prunes only what it alone
feeds (issue 11 item 13)."""
from ._shim import Dash, Input, Output, PreventUpdate, callback, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("click", id="btn")] + [html.Div(x, id=x.lower()) for x in "ABCDEF"])


@callback(Output("a", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
def a(n):
    log("a", n)
    return "Click"


@callback(Output("b", "children"), Input("a", "children"))
def b(va):
    log("b", va)
    return va


@callback(Output("c", "children"), Input("a", "children"), prevent_initial_call=True)
def c(va):
    log("c", va)
    return va


@callback(Output("d", "children"), Input("d", "style"))
def d(_):
    log("d", _)
    raise PreventUpdate


@callback(Output("e", "children"), Input("a", "children"), Input("d", "children"))
def e(va, vd):
    log("e", va, vd)
    return va + vd


@callback(Output("f", "children"), Input("a", "children"), Input("b", "children"), Input("d", "children"),
          prevent_initial_call=True)
def f(va, vb, vd):
    log("f", va, vb, vd)
    return va + vb + vd


STEPS = [("click", "btn")]
