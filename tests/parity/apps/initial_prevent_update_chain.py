"""PreventUpdate in an initial call stops the initial calls of the callbacks whose Inputs only it feeds; one that
has another Input still runs (issue 11 item 20)."""
from ._shim import Dash, Input, Output, PreventUpdate, callback, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("go", id="btn"), html.Div("a init", id="a"), html.Div("b init", id="b"),
    html.Div("c init", id="c"), html.Div("d init", id="d"),
])


@callback(Output("a", "children"), Input("btn", "n_clicks"))
def first(n):
    log("first", n)
    if not n:
        raise PreventUpdate
    return f"a {n}"


@callback(Output("b", "children"), Input("a", "children"))
def only_a(a):
    log("only_a", a)
    return f"b from {a}"


@callback(Output("c", "children"), Input("b", "children"))
def only_b(b):
    log("only_b", b)
    return f"c from {b}"


@callback(Output("d", "children"), Input("a", "children"), Input("btn", "n_clicks"))
def a_and_btn(a, n):
    log("a_and_btn", a, n)
    return f"d from {a} {n}"


STEPS = [("click", "btn")]
