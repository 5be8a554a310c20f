"""A text input echoed into a div as the user types, with the input's value on load."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="name", value="initial"), html.Div(id="echo")])


@callback(Output("echo", "children"), Input("name", "value"))
def echo(value):
    log("echo", value)
    return f"you typed: {value}"


STEPS = [
    ("type", "name", "hello"),
    ("type", "name", "hello world"),
    ("type", "name", ""),
]
