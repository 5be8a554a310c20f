"""A MATCH Output whose only pattern Input is ALLSMALLER (Dash accepts it): each row shows the sum of the rows before it.

Each row logs under its own name: at load Dash calls the three instances in the order 2, 0, 1 and propwire in page
order; independent instances of one batch have no order a user can rely on."""
from ._shim import ALLSMALLER, MATCH, Dash, Input, Output, callback, ctx, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Div([dcc.Input(id={"type": "val", "index": i}, value=str(i + 1)),
              html.Span(id={"type": "before", "index": i})]) for i in range(3)
])


@callback(Output({"type": "before", "index": MATCH}, "children"), Input({"type": "val", "index": ALLSMALLER}, "value"))
def before(values):
    log(f"before {ctx.outputs_list['id']['index']}", values)
    return f"sum before: {sum(int(v or 0) for v in values)}"


STEPS = [
    ("type", {"type": "val", "index": 0}, "10"),
    ("type", {"type": "val", "index": 1}, "20"),
]
