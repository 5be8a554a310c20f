"""dcc.ConfirmDialog shown by a callback setting `displayed`: the answer counts submit or cancel clicks and sets
`displayed` back to False, so the next True shows it again."""
from ._shim import Dash, Input, Output, State, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.ConfirmDialog(id="confirm", message="Are you sure?"),
    html.Button("Ask", id="ask"),
    html.Div(id="out"),
])


@callback(Output("confirm", "displayed"), Input("ask", "n_clicks"), prevent_initial_call=True)
def ask(n):
    log("ask", n)
    return True


@callback(Output("out", "children"), Input("confirm", "submit_n_clicks"), Input("confirm", "cancel_n_clicks"),
          State("confirm", "displayed"))
def answer(ok, cancel, displayed):
    log("answer", ok, cancel, displayed)
    return f"ok={ok} cancel={cancel}"


STEPS = [
    ("click", "ask", {"dialog": "accept"}),
    ("click", "ask"),
    ("click", "ask", {"dialog": "accept"}),
]
