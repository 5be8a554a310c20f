"""A callback's output to a persisted prop: on Dash 4.4.1 it is kept like a user's edit (its renderer records
every prop update of a persisted prop), so after a reload the input shows the callback's value."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Input(id="name", value="start", persistence=True),
    html.Button("set", id="set"),
    html.Div(id="out"),
])


@callback(Output("name", "value"), Input("set", "n_clicks"), prevent_initial_call=True)
def set_name(n):
    log("set_name", n)
    return f"from-callback-{n}"


@callback(Output("out", "children"), Input("name", "value"))
def show(value):
    log("show", value)
    return f"name={value}"


STEPS = [
    ("type", "name", "typed"),
    ("reload",),
    ("click", "set"),
    ("reload",),
    ("type", "name", "after"),
    ("reload",),
]
