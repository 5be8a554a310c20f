"""Five buttons on one callback: ctx.triggered[0] names the clicked one and its click count."""
from ._shim import Dash, Input, Output, PreventUpdate, callback_context, html, log

BTNS = [f"btn-{x}" for x in range(1, 6)]
app = Dash(__name__)
app.layout = html.Div([html.Div([html.Button(b, id=b) for b in BTNS]), html.Div(id="output")])


@app.callback(Output("output", "children"), [Input(x, "n_clicks") for x in BTNS])
def on_click(*args):
    log("on_click", *args, callback_context.triggered)
    if not callback_context.triggered:
        raise PreventUpdate
    trigger = callback_context.triggered[0]
    return f"Just clicked {trigger['prop_id'].split('.')[0]} for the {trigger['value']} time!"


STEPS = [("click", "btn-1"), ("click", "btn-2"), ("click", "btn-3"), ("click", "btn-4"), ("click", "btn-5"),
         ("click", "btn-3"), ("click", "btn-1")]
