"""dcc.Input's n_submit and n_blur before any Enter or blur (Dash 4.4.1: None), then after Enter and a blur."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="field", value="x"), html.Div(id="counts")])


@callback(Output("counts", "children"), Input("field", "n_submit"), Input("field", "n_blur"))
def counts(n_submit, n_blur):
    log("counts", n_submit, n_blur)
    return f"submit {n_submit} blur {n_blur}"


STEPS = [
    ("type", "field", "y", {"enter": True}),
    ("blur", "field"),
]
