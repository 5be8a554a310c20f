"""prevent_initial_call given positionally, after the Input: no call at load, one per click."""
from ._shim import Dash, Input, Output, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("click", id="btn"), html.Div(id="out")])


@app.callback(Output("out", "children"), Input("btn", "n_clicks"), True)
def f(n):
    log("f", n)
    return n


STEPS = [("click", "btn"), ("click", "btn")]
