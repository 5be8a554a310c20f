"""What docs/testing.md says of two verbs, on Dash 4.4.1 in Chromium: keys that are no number typed into a number
Input leave it empty and send None; the clear x of a multi Dropdown (`select(id, None)`) leaves its value []."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Input(id="num", type="number", value=3),
    dcc.Dropdown(["red", "green", "blue"], ["red", "green"], id="multi", multi=True),
    html.Div(id="out"),
])


@callback(Output("out", "children"), Input("num", "value"), Input("multi", "value"))
def show(num, multi):
    log("show", num, multi)
    return f"num={num!r} multi={multi!r}"


STEPS = [
    ("type", "num", "12"),
    ("type", "num", "abc"),
    ("type", "num", "7"),
    ("select", "multi", None),
]
