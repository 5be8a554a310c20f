"""MATCH output from ALLSMALLER input of the same id and prop (a Fibonacci series) plus an ALL sum; the number
of items follows a number box."""
from ._shim import ALL, ALLSMALLER, MATCH, Dash, Input, Output, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([dcc.Input(id="n", type="number", min=0, max=10, value=4), html.Div(id="series"),
                       html.Div(id="sum")])


@app.callback(Output("series", "children"), Input("n", "value"))
def items(n):
    log("items", n)
    return [html.Div(id={"i": i}) for i in range(n or 0)]


@app.callback(Output({"i": MATCH}, "children"), Input({"i": ALLSMALLER}, "children"))
def sequence(prev):
    log("sequence", prev)
    if len(prev) < 2:
        return len(prev)
    return int(prev[-1] or 0) + int(prev[-2] or 0)


@app.callback(Output("sum", "children"), Input({"i": ALL}, "children"))
def show_sum(seq):
    log("show_sum", seq)
    return f"{len(seq)} elements, sum: {sum(int(v or 0) for v in seq)}"


STEPS = [("type", "n", "5"), ("type", "n", "6"), ("type", "n", "7"), ("type", "n", "6"), ("type", "n", "3"),
         ("type", "n", "1"), ("type", "n", "0")]
