"""Clicking a button counts its clicks in a div; the callback also runs once on load with None."""
from ._shim import Dash, Input, Output, callback, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("Go", id="btn"), html.Div(id="out")])


@callback(Output("out", "children"), Input("btn", "n_clicks"))
def show(n):
    log("show", n)
    return f"clicked {n} times"


STEPS = [
    ("click", "btn"),
    ("click", "btn"),
    ("click", "btn"),
]
