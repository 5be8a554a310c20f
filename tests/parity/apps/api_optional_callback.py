"""@callback(..., optional=True) with ids absent from the layout, and an allow_optional State that a later click
inserts: the absent State reads None until its component exists, then its value."""
from ._shim import Dash, Input, Output, State, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("Go", id="go"), html.Button("Add", id="add"), html.Div(id="slot"),
                       html.Div(id="out"), html.Div(id="side")])


@callback(Output("slot", "children"), Input("add", "n_clicks"), prevent_initial_call=True)
def add(n):
    log("add", n)
    return dcc.Input(id="note", value=f"note {n}")


@callback(Output("out", "children"), Input("go", "n_clicks"), State("note", "value", allow_optional=True))
def go(n, note):
    log("go", n, note)
    return f"go {n} with {note}"


@callback(Output("side", "children"), Input("note", "value"), optional=True)
def side(note):
    log("side", note)
    return f"side {note}"


STEPS = [
    ("click", "go"),
    ("click", "add"),
    ("click", "go"),
    ("type", "note", "typed"),
]
