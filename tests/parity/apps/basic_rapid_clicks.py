"""Three clicks without waiting between them: the callback runs once per click and the page ends on the last."""
from ._shim import Dash, Input, Output, callback, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("+", id="plus"), html.Div(id="total")])


@callback(Output("total", "children"), Input("plus", "n_clicks"))
def total(n):
    log("total", n)
    return f"total {n or 0}"


STEPS = [
    ("click", "plus", {"wait": False}),
    ("click", "plus", {"wait": False}),
    ("click", "plus"),
]
