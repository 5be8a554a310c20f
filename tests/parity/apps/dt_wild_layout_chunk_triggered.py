"""ALL callbacks' ctx.triggered when a new pattern input is rendered (the outer one is triggered by it, the new
inner one is an initial call) and when the old input is typed in."""
from ._shim import ALL, Dash, Input, Output, callback_context, dcc, html, log

app = Dash(__name__, suppress_callback_exceptions=True)  # output-inner arrives later
app.layout = html.Div([dcc.Input(id={"type": "input", "index": 1}, value="input-1"), html.Div(id="container"),
                       html.Div(id="output-outer"), html.Button("Show content", id="btn")])


@app.callback(Output("container", "children"), [Input("btn", "n_clicks")])
def display_output(n):
    log("display_output", n)
    if n:
        return html.Div([dcc.Input(id={"type": "input", "index": 2}, value="input-2"), html.Div(id="output-inner")])
    return "No content initially"


def trigger_info():
    triggered = callback_context.triggered
    ids = ", ".join(t["prop_id"] for t in triggered)
    return f"triggered is {'Truthy' if triggered else 'Falsy'} with prop_ids {ids}"


@app.callback(Output("output-inner", "children"), [Input({"type": "input", "index": ALL}, "value")])
def update_inner(values):
    log("update_inner", values, trigger_info())
    return trigger_info()


@app.callback(Output("output-outer", "children"), [Input({"type": "input", "index": ALL}, "value")])
def update_outer(values):
    log("update_outer", values, trigger_info())
    return trigger_info()


STEPS = [("click", "btn"), ("type", {"type": "input", "index": 1}, "input-1X"),
         ("type", {"type": "input", "index": 2}, "input-2Y")]
