"""An empty dcc.Dropdown shows no text (Dash 4.4.1 has no "Select..." default); a given placeholder shows;
picking and clearing an option goes back to the empty text."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Dropdown(id="empty", options=["a", "b"]),
    dcc.Dropdown(id="hinted", options=["a", "b"], placeholder="Pick one"),
    html.Button("Clear", id="clear"),
    html.Div(id="out"),
])


@callback(Output("out", "children"), Input("empty", "value"))
def show(value):
    log("show", value)
    return f"value={value}"


@callback(Output("empty", "value"), Input("clear", "n_clicks"), prevent_initial_call=True)
def clear(n):
    log("clear", n)
    return None


STEPS = [
    ("select", "empty", "b"),
    ("click", "clear"),
]
