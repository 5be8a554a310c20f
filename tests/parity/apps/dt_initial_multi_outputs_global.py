"""dt_initial_multi_outputs with Dash(prevent_initial_callbacks=True) and g opting back in."""
from ._shim import Dash, Input, Output, html, log

app = Dash(__name__, prevent_initial_callbacks=True)
app.layout = html.Div([html.Button("click", id="btn")] + [html.Div(x.upper(), id=x) for x in "abcdefg"])


@app.callback([Output("a", "children"), Output("b", "children")], [Input("btn", "n_clicks")])
def ab(n):
    log("ab", n)
    return ["Blue", "Cheese"]


@app.callback([Output("c", "children"), Output("d", "children")], [Input("a", "children"), Input("b", "children")])
def cd(a, b):
    log("cd", a, b)
    return [a + b] * 2


@app.callback([Output("e", "children"), Output("f", "children")], [Input("a", "children")])
def ef(a):
    log("ef", a)
    return [a] * 2


@app.callback(Output("g", "children"), [Input("f", "children")], prevent_initial_call=False)
def g(f):
    log("g", f)
    return f


STEPS = [("click", "btn")]
