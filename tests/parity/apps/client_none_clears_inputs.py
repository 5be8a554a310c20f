"""A callback returning None for Input, Textarea and Dropdown values clears what each shows."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Clear", id="clear"),
    html.Button("Fill", id="fill"),
    dcc.Input(id="text", value="typed text"),
    dcc.Input(id="num", type="number", value=42),
    dcc.Textarea(id="area", value="some\nlines"),
    dcc.Dropdown(id="drop", options=["red", "green"], value="green"),
    dcc.Dropdown(id="multi", options=["red", "green"], value=["red"], multi=True),
])


@callback(Output("text", "value"), Output("num", "value"), Output("area", "value"), Output("drop", "value"),
          Output("multi", "value"), Input("clear", "n_clicks"), prevent_initial_call=True)
def clear(n):
    log("clear", n)
    return None, None, None, None, None


@callback(Output("text", "value", allow_duplicate=True), Output("num", "value", allow_duplicate=True),
          Output("area", "value", allow_duplicate=True), Output("drop", "value", allow_duplicate=True),
          Input("fill", "n_clicks"), prevent_initial_call=True)
def fill(n):
    log("fill", n)
    return f"again {n}", n, f"area {n}", "red"


STEPS = [
    ("click", "clear"),
    ("click", "fill"),
    ("click", "clear"),
]
