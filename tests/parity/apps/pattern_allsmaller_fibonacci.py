"""A Fibonacci series built from ALLSMALLER over the series' own cells (as Dash's test_cbwc002/005): each cell's
MATCH instance reads every earlier cell, so a longer series re-runs the chain cell by cell, and the ALL sum
re-runs after; the call log counts every call, as Dash's callbacks-count test does (items 3, 4 and 21)."""
from ._shim import ALL, ALLSMALLER, MATCH, Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Input(id="count", type="number", min=0, max=8, value=4),
    html.Div(id="cells"), html.Div(id="total"),
])


@callback(Output("cells", "children"), Input("count", "value"))
def cells(count):
    log("cells", count)
    return [html.Div(id={"cell": i}) for i in range(int(count or 0))]


# Dash's test has the ALLSMALLER Input alone; the MATCH id Input (which never changes) keeps propwire's stricter
# pattern rule out of this app (issue 11 item 17 is another branch's).
@callback(Output({"cell": MATCH}, "children"), Input({"cell": MATCH}, "id"), Input({"cell": ALLSMALLER}, "children"))
def fib(own, earlier):
    log(f"fib {len(earlier)}", earlier)  # one log per instance (its index is how many cells precede it)
    if len(earlier) < 2:
        return len(earlier)
    return int(earlier[-1] or 0) + int(earlier[-2] or 0)


@callback(Output("total", "children"), Input({"cell": ALL}, "children"))
def total(series):
    log("total", series)
    return f"{len(series)} cells, sum {sum(int(v or 0) for v in series)}"


STEPS = [
    ("type", "count", "5"),
    ("type", "count", "7"),
    ("type", "count", "3"),
    ("type", "count", "0"),
]
