"""A numpy array returned into a Store arrives as nested lists for the callback that reads it."""
import numpy as np

from ._shim import Dash, Input, Output, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([dcc.Store(id="output"), html.Button("click", id="clicker"), html.Div(id="shown")])


@app.callback(Output("output", "data"), Input("clicker", "n_clicks"))
def on_click(n):
    log("on_click", n)
    return np.array([[1, 2, 3], [4, 5, 6]], np.int32) * (n or 1)


@app.callback(Output("shown", "children"), Input("output", "data"))
def show(data):
    log("show", data)
    return repr(data)


STEPS = [("click", "clicker"), ("click", "clicker")]
