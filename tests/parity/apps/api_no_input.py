"""Callbacks with no Input (only State, or nothing at all) run once on load, as in Dash."""
from ._shim import Dash, Input, Output, State, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="name", value="start"), html.Div(id="from-state"), html.Div(id="from-nothing"),
                       html.Button("Go", id="go"), html.Div(id="later")])


@callback(Output("from-state", "children"), State("name", "value"))
def only_state(name):
    log("only_state", name)
    return f"state was {name}"


@callback(Output("from-nothing", "children"))
def nothing():
    log("nothing")
    return "ran with no arguments"


@callback(Output("later", "children"), Input("go", "n_clicks"), State("from-state", "children"))
def after(n, shown):
    log("after", n, shown)
    return f"{n}: {shown}"


STEPS = [
    ("type", "name", "changed"),
    ("click", "go"),
]
