"""dcc.ConfirmDialogProvider around a dash-bootstrap-components button: the provider takes the button's click as
it does an html.Button's (the browser's confirm(); OK counts submit_n_clicks, Cancel cancel_n_clicks)."""
import dash_bootstrap_components as dbc

from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.ConfirmDialogProvider(dbc.Button("Delete", id="btn", color="danger"), id="provider",
                              message="Really delete?"),
    html.Div(id="out"),
    html.Div(id="clicks"),
])


@callback(Output("out", "children"), Input("provider", "submit_n_clicks"), Input("provider", "cancel_n_clicks"))
def answer(ok, cancel):
    log("answer", ok, cancel)
    return f"ok={ok} cancel={cancel}"


@callback(Output("clicks", "children"), Input("btn", "n_clicks"))
def clicks(n):
    log("clicks", n)
    return f"button {n}"


STEPS = [
    ("click", "btn", {"dialog": "accept"}),
    ("click", "btn"),
    ("click", "btn", {"dialog": "accept"}),
]
