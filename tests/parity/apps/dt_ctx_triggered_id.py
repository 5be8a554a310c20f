"""ctx.triggered_id and ctx.triggered_prop_ids name the clicked button among five Inputs."""
from ._shim import Dash, Input, Output, PreventUpdate, ctx, html, log

BTNS = [f"btn-{x}" for x in range(1, 6)]
app = Dash(__name__)
app.layout = html.Div([html.Div([html.Button(b, id=b) for b in BTNS]), html.Div(id="output")])


@app.callback(Output("output", "children"), [Input(x, "n_clicks") for x in BTNS])
def on_click(*args):
    log("on_click", *args, ctx.triggered_id, ctx.triggered_prop_ids)
    if not ctx.triggered:
        raise PreventUpdate
    for btn in BTNS:
        if btn in ctx.triggered_prop_ids.values():
            return f"Just clicked {btn} (triggered_id {ctx.triggered_id})"


STEPS = [("click", "btn-2"), ("click", "btn-5"), ("click", "btn-1"), ("click", "btn-5")]
