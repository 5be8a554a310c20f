"""A callback naming ids absent from the initial layout: the app starts (no suppress_callback_exceptions), and the
callback starts working once a callback inserts the components."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("Show", id="show"), html.Div(id="holder"), html.Div(id="static")])


@callback(Output("holder", "children"), Input("show", "n_clicks"), prevent_initial_call=True)
def show(n):
    log("show", n)
    return html.Div([dcc.Input(id="late", value="first"), html.Div(id="late-out")])


@callback(Output("late-out", "children"), Input("late", "value"))
def echo(value):
    log("echo", value)
    return f"late says {value}"


@callback(Output("static", "children"), Input("late", "value"))
def outside(value):
    log("outside", value)
    return f"outside sees {value}"


STEPS = [
    ("click", "show"),
    ("type", "late", "second"),
]
