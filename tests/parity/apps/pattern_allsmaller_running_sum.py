"""A running sum with ALLSMALLER (as Dash's docs "Simple Example with ALLSMALLER"): each row shows its value plus
every earlier row's; changing row k updates every row after k, also after rows were added (issue 11 item 4)."""
from ._shim import ALLSMALLER, MATCH, Dash, Input, Output, State, callback, dcc, html, log

app = Dash(__name__)


def row(i):
    return html.Div([dcc.Input(id={"type": "num", "index": i}, value=str(i + 1)),
                     html.Span(id={"type": "sum", "index": i})])


app.layout = html.Div([html.Button("Add row", id="add", n_clicks=0), html.Div([row(i) for i in range(3)], id="rows")])


@callback(Output("rows", "children"), Input("add", "n_clicks"), State("rows", "children"), prevent_initial_call=True)
def add_row(n, rows):
    log("add_row", n, len(rows))
    return rows + [row(len(rows))]


@callback(Output({"type": "sum", "index": MATCH}, "children"),
          Input({"type": "num", "index": MATCH}, "value"),
          Input({"type": "num", "index": ALLSMALLER}, "value"), State({"type": "num", "index": MATCH}, "id"))
def running(value, earlier, own):
    log(f"running {own['index']}", value, earlier)  # one log per instance: Dash's order among them may vary
    total = sum(float(v or 0) for v in [*earlier, value])
    return f"sum {total:g}"


STEPS = [
    ("type", {"type": "num", "index": 0}, "10"),
    ("click", "add"),
    ("type", {"type": "num", "index": 1}, "5"),
]
