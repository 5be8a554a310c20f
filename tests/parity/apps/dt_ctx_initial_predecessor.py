"""A callback fed by an initial call upstream sees that upstream output in ctx.triggered; later both triggers."""
from ._shim import Dash, Input, Output, callback_context, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Input(id="input-number-1", type="number", value=0), dcc.Input(id="input-number-2", type="number", value=0),
    dcc.Input(id="sum-number", type="number", value=0, disabled=True), html.Div(id="results"),
])


@app.callback(Output("sum-number", "value"), [Input("input-number-1", "value"), Input("input-number-2", "value")])
def update_sum_number(n1, n2):
    log("update_sum_number", n1, n2, sorted(t["prop_id"] for t in callback_context.triggered))
    return n1 + n2


@app.callback(Output("results", "children"), [Input("input-number-1", "value"), Input("input-number-2", "value"),
                                              Input("sum-number", "value")])
def update_results(n1, n2, nsum):
    keys = sorted(t["prop_id"] for t in callback_context.triggered)
    log("update_results", n1, n2, nsum, keys)
    return f"{n1} + {n2} = {nsum}; triggered {keys}"


STEPS = [("type", "input-number-1", "1"), ("type", "input-number-2", "1")]
