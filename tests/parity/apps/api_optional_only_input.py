"""A callback whose only Input is allow_optional=True and absent at load; a click inserts that component."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("Add", id="add"), html.Div(id="slot"), html.Div(id="out")])


@callback(Output("slot", "children"), Input("add", "n_clicks"), prevent_initial_call=True)
def add(n):
    log("add", n)
    return dcc.Input(id="later", value=f"later {n}")


@callback(Output("out", "children"), Input("later", "value", allow_optional=True))
def show(v):
    log("show", v)
    return f"got {v}"


STEPS = [
    ("click", "add"),
    ("type", "later", "typed"),
]
