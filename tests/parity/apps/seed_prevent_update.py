"""Seed "Catching Errors with PreventUpdate": the content shows only after a click; on load the callback raises
PreventUpdate and the div stays empty."""
from ._shim import Dash, Input, Output, PreventUpdate, callback, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Click here to see the content", id="show-secret"),
    html.Div(id="body-div"),
])


@callback(Output("body-div", "children"), Input("show-secret", "n_clicks"))
def update_output(n_clicks):
    log("update_output", n_clicks)
    if n_clicks is None:
        raise PreventUpdate
    return "Elephants are the only animal that can't jump"


STEPS = [
    ("click", "show-secret"),
    ("click", "show-secret"),
]
