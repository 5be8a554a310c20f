"""Dash 4.4.1's Textarea keeps its text when a callback sets its value to None, while an Input clears;
typing into the Textarea afterwards sends the new text."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Textarea(id="notes", value="first notes"),
    dcc.Input(id="line", value="a line"),
    html.Button("Reset", id="reset"),
    html.Div(id="out"),
])


@callback(Output("notes", "value"), Output("line", "value"), Input("reset", "n_clicks"), prevent_initial_call=True)
def reset(n):
    log("reset", n)
    return None, None


@callback(Output("out", "children"), Input("notes", "value"), Input("line", "value"))
def show(notes, line):
    log("show", notes, line)
    return f"{notes!r} {line!r}"


STEPS = [
    ("click", "reset"),
    ("type", "notes", "second notes"),
    ("click", "reset"),
]
