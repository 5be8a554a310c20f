"""prevent_initial_call='initial_duplicate' lets an allow_duplicate Output's callback run at load too; the two
writers of one prop then take turns as their buttons are clicked.

Which of two writers of one prop lands last at load is not guaranteed (Dash says so in its allow_duplicate error),
so from_b is made the slower one at load: then both frameworks end with its value."""
import time

from ._shim import Dash, Input, Output, callback, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("A", id="a"), html.Button("B", id="b"), html.Div(id="out"), html.Div(id="note")])


@callback(Output("out", "children"), Input("a", "n_clicks"))
def from_a(n):
    log("from_a", n)
    return f"a {n}"


@callback(Output("note", "children"), Output("out", "children", allow_duplicate=True), Input("b", "n_clicks"),
          prevent_initial_call="initial_duplicate")
def from_b(n):
    log("from_b", n)
    if n is None:
        time.sleep(0.3)
    return f"b ran {n}", f"b {n}"


STEPS = [
    ("click", "b"),
    ("click", "a"),
]
