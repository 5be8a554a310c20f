"""A chain of three callbacks: a click feeds A, A feeds B, B feeds C; each runs once per change, in order."""
from ._shim import Dash, Input, Output, callback, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("step", id="btn"),
    html.Div(id="a"), html.Div(id="b"), html.Div(id="c"),
])


@callback(Output("a", "children"), Input("btn", "n_clicks"))
def first(n):
    log("first", n)
    return f"a{n or 0}"


@callback(Output("b", "children"), Input("a", "children"))
def second(a):
    log("second", a)
    return f"{a}-b"


@callback(Output("c", "children"), Input("b", "children"))
def third(b):
    log("third", b)
    return f"{b}-c"


STEPS = [
    ("click", "btn"),
    ("click", "btn"),
]
