"""no_update per output: each of three outputs stops changing at its own click count (a copied no_update too)."""
from copy import copy

from ._shim import Dash, Input, Output, html, log, no_update

app = Dash(__name__)
app.layout = html.Div([html.Button("B", id="btn"), html.P("initial1", id="n1"), html.P("initial2", id="n2"),
                       html.P("initial3", id="n3")])


@app.callback([Output("n1", "children"), Output("n2", "children"), Output("n3", "children")], [Input("btn", "n_clicks")])
def show_clicks(n):
    log("show_clicks", n)
    return [no_update if n and n > 4 else n, no_update if n and n > 2 else n, copy(no_update)]


STEPS = [
    ("click", "btn"),
    ("click", "btn"),
    ("click", "btn"),
    ("click", "btn"),
    ("click", "btn"),
    ("click", "btn"),
]
