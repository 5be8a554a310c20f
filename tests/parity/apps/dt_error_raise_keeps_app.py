"""A callback that raises updates nothing (and its reader does not run); the app keeps answering later clicks."""
from ._shim import Dash, Input, Output, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("go", id="btn"), html.Div("start", id="out"), html.Div("start", id="after")])


@app.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
def maybe_fail(n):
    log("maybe_fail", n)
    if n % 2:
        raise ValueError(f"odd click {n}")
    return f"even click {n}"


@app.callback(Output("after", "children"), Input("out", "children"), prevent_initial_call=True)
def after(v):
    log("after", v)
    return f"after {v}"


STEPS = [("click", "btn"), ("click", "btn"), ("click", "btn"), ("click", "btn")]
