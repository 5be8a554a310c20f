"""The `persistence` value is part of the key: a callback switching it (a user picking an account) brings that
key's kept edit back, or the layout's value when none is kept; a key already used keeps its own edit."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.RadioItems(["ann", "bob"], "ann", id="user"),
    dcc.Input(id="note", value="blank", persistence="ann"),
    html.Div(id="out"),
])


@callback(Output("note", "persistence"), Input("user", "value"), prevent_initial_call=True)
def switch(user):
    log("switch", user)
    return user


@callback(Output("out", "children"), Input("note", "value"))
def show(value):
    log("show", value)
    return f"note={value}"


STEPS = [
    ("type", "note", "ann's note"),
    ("select", "user", "bob"),
    ("type", "note", "bob's note"),
    ("select", "user", "ann"),
    ("reload",),
    ("select", "user", "bob"),
]
