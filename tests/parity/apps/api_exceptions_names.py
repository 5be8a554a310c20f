"""The exceptions module has dash.exceptions' names and hierarchy; PreventUpdate raised through it stops the update."""
from ._shim import Dash, Input, Output, callback, exceptions, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("Go", id="go"), html.Div("start", id="out")])

NAMES = ["CallbackException", "IncorrectTypeException", "InvalidCallbackReturnValue", "PreventUpdate",
         "MissingCallbackContextException", "InvalidComponentIdError", "DuplicateIdError", "NonExistentEventException",
         "IDsCantContainPeriods", "DuplicateCallback", "NoLayoutException", "InvalidConfig", "PageError"]


@callback(Output("out", "children"), Input("go", "n_clicks"))
def go(n):
    log("go", n, [hasattr(exceptions, name) for name in NAMES],
        issubclass(exceptions.PreventUpdate, exceptions.CallbackException),
        issubclass(exceptions.IncorrectTypeException, exceptions.CallbackException),
        issubclass(exceptions.InvalidComponentIdError, exceptions.IDsCantContainPeriods))
    if n and n % 2 == 0:
        raise exceptions.PreventUpdate
    return f"shown {n}"


STEPS = [
    ("click", "go"),
    ("click", "go"),
    ("click", "go"),
]
