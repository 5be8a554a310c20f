"""A two-output callback feeds two chains, one of which also reads a never-set Store: all follow each click."""
from ._shim import Dash, Input, Output, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([html.Div(id="a1"), html.Div(id="a2"), html.Div(id="b1"), html.H1(id="b2"),
                       html.Button("Update", id="button"), dcc.Store(id="table")])


@app.callback([Output("a2", "children"), Output("a1", "children")], [Input("button", "n_clicks")])
def a12(n):
    log("a12", n)
    return f"a2: {n}", f"a1: {n}"


@app.callback(Output("b1", "children"), [Input("a1", "children")])
def b1(a1):
    log("b1", a1)
    return f"b1: '{a1}'"


@app.callback(Output("b2", "children"), [Input("a2", "children"), Input("table", "data")])
def b2(a2, data):
    log("b2", a2, data)
    return f"b2: '{a2}', {data}"


STEPS = [("click", "button"), ("click", "button")]
