"""dcc.Button (Dash 4's themed button): n_clicks counts, a click bubbles to the html.Div around it, and a
disabled one set by a callback takes no more clicks."""
from ._shim import Dash, Input, Output, State, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div(id="box", children=[
    dcc.Button("Go", id="go", className="extra"),
    dcc.Button(["Stop ", html.B("now", id="bold")], id="stop", n_clicks=5),
    html.Div(id="out"),
    html.Div(id="around"),
])


@callback(Output("out", "children"), Output("go", "disabled"), Input("go", "n_clicks"), State("stop", "n_clicks"))
def go(n, stop):
    log("go", n, stop)
    return f"go {n} stop {stop}", bool(n and n >= 2)


@callback(Output("around", "children"), Input("box", "n_clicks"), Input("stop", "n_clicks"))
def around(n, stop):
    log("around", n, stop)
    return f"box {n} stop {stop}"


STEPS = [
    ("click", "go"),
    ("click", "stop"),
    ("click", "bold"),
    ("click", "go"),
]
