"""Components given their id as the second positional argument (html.Button("B", "btn")) work as Inputs/Outputs."""
from ._shim import Dash, Input, Output, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("B", "btn"), html.P("initial1", "n1")])


@app.callback(Output("n1", "children"), Input("btn", "n_clicks"))
def show(n):
    log("show", n)
    return f"clicks {n}"


STEPS = [("click", "btn"), ("click", "btn")]
