"""A chain server -> clientside -> server: the clientside step in the middle runs in the browser, and the server
step after it runs once, with its output (never with the old value)."""
from ._shim import Dash, Input, Output, State, clientside_callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="x", value="1"), html.Div(id="double"), html.Div(id="plus"),
                       html.Div(id="final")])


@app.callback(Output("double", "children"), Input("x", "value"))
def double(x):
    log("double", x)
    return str(int(x or 0) * 2)


clientside_callback(
    "function(d) { return String(Number(d) + 100); }",
    Output("plus", "children"),
    Input("double", "children"),
)


@app.callback(Output("final", "children"), Input("plus", "children"), Input("double", "children"),
              State("x", "value"))
def final(plus, double, x):
    log("final", plus, double, x)
    return f"x={x} double={double} plus={plus}"


STEPS = [("type", "x", "5"), ("type", "x", "12")]
