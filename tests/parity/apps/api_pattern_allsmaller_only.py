"""A MATCH Output whose only pattern Input is ALLSMALLER (Dash accepts it): each row shows the sum of the rows before it."""
from _shim import ALLSMALLER, MATCH, Dash, dcc, html, Input, Output, callback, log

app = Dash(__name__)
app.layout = html.Div([
    html.Div([dcc.Input(id={"type": "val", "index": i}, value=str(i + 1)),
              html.Span(id={"type": "before", "index": i})]) for i in range(3)
])


@callback(Output({"type": "before", "index": MATCH}, "children"), Input({"type": "val", "index": ALLSMALLER}, "value"))
def before(values):
    log("before", values)
    return f"sum before: {sum(int(v or 0) for v in values)}"


STEPS = [
    ("type", {"type": "val", "index": 0}, "10"),
    ("type", {"type": "val", "index": 1}, "20"),
]
