"""At load, a callback with an ALL Input and prevent_initial_call=True does not stop the initial calls of the
callbacks below it: they run with the layout's values (issue 11 item 1)."""
from ._shim import ALL, Dash, Input, Output, callback, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Div([html.Button(f"b{i}", id={"type": "b", "index": i}) for i in range(2)]),
    html.Div("start", id="mid"),
    html.Div(id="low"),
])


@callback(Output("mid", "children"), Input({"type": "b", "index": ALL}, "n_clicks"), prevent_initial_call=True)
def mid(clicks):
    log("mid", clicks)
    return f"clicks {clicks}"


@callback(Output("low", "children"), Input("mid", "children"))
def low(text):
    log("low", text)
    return f"below: {text}"


STEPS = [
    ("click", {"type": "b", "index": 0}),
]
