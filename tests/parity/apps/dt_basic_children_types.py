"""Each click returns a different kind of children value: None, str, int, float, lists, a list with a component."""
from ._shim import Dash, Input, Output, html, log, no_update

app = Dash(__name__)
app.layout = html.Div([html.Button("next", id="btn"), html.Div("init", id="out")])

VALUES = [None, "a string", 123, 123.45, [6, 7, 8], ["a", "list", "of", "strings"],
          ["strings", 2, "numbers"], ["a string", html.Div("and a div", id="inner")]]


@app.callback(Output("out", "children"), Input("btn", "n_clicks"))
def set_children(n):
    log("set_children", n)
    if n is None or n > len(VALUES):
        return no_update
    return VALUES[n - 1]


STEPS = [
    ("click", "btn"),
    ("click", "btn"),
    ("click", "btn"),
    ("click", "btn"),
    ("click", "btn"),
    ("click", "btn"),
    ("click", "btn"),
    ("click", "btn"),
    ("click", "btn"),
]
