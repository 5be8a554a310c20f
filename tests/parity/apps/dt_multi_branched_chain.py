"""A grandparent feeds two parents (one slow); the children wait for both and run once each at load."""
import time

from ._shim import Dash, Input, Output, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="grandparent", value="input 1"), dcc.Input(id="parent-a"),
                       dcc.Input(id="parent-b"), html.Div(id="child-a"), html.Div(id="child-b")])


@app.callback(Output("parent-a", "value"), Input("grandparent", "value"))
def update_parenta(value):
    log("update_parenta", value)
    return f"a: {value}"


@app.callback(Output("parent-b", "value"), Input("grandparent", "value"))
def update_parentb(value):
    log("update_parentb", value)
    time.sleep(0.2)
    return f"b: {value}"


@app.callback(Output("child-a", "children"), Input("parent-a", "value"), Input("parent-b", "value"))
def update_childa(a, b):
    log("update_childa", a, b)
    time.sleep(0.3)
    return f"{a} + {b}"


@app.callback(Output("child-b", "children"), Input("parent-a", "value"), Input("parent-b", "value"),
              Input("grandparent", "value"))
def update_childb(a, b, g):
    log("update_childb", a, b, g)
    return f"{a} + {b} + {g}"


STEPS = [("type", "grandparent", "input 2")]
