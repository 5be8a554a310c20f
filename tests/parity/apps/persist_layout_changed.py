"""A kept edit comes back only while the layout still gives the value it replaced: once the layout function's
value changes, the edit is dropped for good (going back to the old layout value does not revive it)."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

START = {"value": "first"}  # what the layout function gives; the buttons change it for the next load


def layout():
    return html.Div([
        dcc.Input(id="name", value=START["value"], persistence=True),
        html.Button("second", id="to-second"),
        html.Button("first", id="to-first"),
        html.Div(id="out"),
        html.Div(id="set"),
    ])


app = Dash(__name__)
app.layout = layout


@callback(Output("out", "children"), Input("name", "value"))
def show(value):
    log("show", value)
    return f"name={value}"


@callback(Output("set", "children"), Input("to-second", "n_clicks"), Input("to-first", "n_clicks"),
          prevent_initial_call=True)
def change(a, b):
    log("change", a, b)
    START["value"] = "second" if (a or 0) > (b or 0) else "first"
    return f"next load: {START['value']}"


STEPS = [
    ("type", "name", "typed"),
    ("reload",),
    ("click", "to-second"),
    ("reload",),
    ("click", "to-first"),
    ("click", "to-first"),
    ("reload",),
]
