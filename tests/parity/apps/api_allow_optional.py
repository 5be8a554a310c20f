"""Input/State(..., allow_optional=True): an absent component gives None instead of keeping the callback from running."""
from ._shim import Dash, Input, Output, State, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("Go", id="go"), html.Button("Add", id="add"), html.Div(id="out"),
                       html.Div(id="slot"), html.Div(id="both")])


@callback(Output("out", "children"), Input("go", "n_clicks"), State("missing", "value", allow_optional=True))
def with_state(n, missing):
    log("with_state", n, missing)
    return f"{n} / {missing}"


@callback(Output("slot", "children"), Input("add", "n_clicks"), prevent_initial_call=True)
def add(n):
    log("add", n)
    return dcc.Input(id="extra", value=f"extra {n}")


@callback(Output("both", "children"), Input("go", "n_clicks"), Input("extra", "value", allow_optional=True))
def with_input(n, extra):
    log("with_input", n, extra)
    return f"{n} + {extra}"


STEPS = [
    ("click", "go"),
    ("click", "add"),
    ("type", "extra", "typed"),
    ("click", "go"),
]
