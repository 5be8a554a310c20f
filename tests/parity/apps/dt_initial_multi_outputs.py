"""prevent_initial_call with multi-output callbacks: only the reader without it (g) runs at load."""
from ._shim import Dash, Input, Output, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("click", id="btn")] + [html.Div(x.upper(), id=x) for x in "abcdefg"])


@app.callback([Output("a", "children"), Output("b", "children")], [Input("btn", "n_clicks")], prevent_initial_call=True)
def ab(n):
    log("ab", n)
    return ["Blue", "Cheese"]


@app.callback([Output("c", "children"), Output("d", "children")], [Input("a", "children"), Input("b", "children")],
              prevent_initial_call=True)
def cd(a, b):
    log("cd", a, b)
    return [a + b] * 2


@app.callback([Output("e", "children"), Output("f", "children")], [Input("a", "children")], prevent_initial_call=True)
def ef(a):
    log("ef", a)
    return [a] * 2


@app.callback(Output("g", "children"), [Input("f", "children")])
def g(f):
    log("g", f)
    return f


STEPS = [("click", "btn")]
