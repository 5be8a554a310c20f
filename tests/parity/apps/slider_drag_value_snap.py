"""A callback on a Slider's `drag_value` writes its `value` (snapping to even numbers): the value it wrote becomes
the slider's drag_value, so the callback runs once more with it (Dash 4.4.1's slider sets drag_value as the new
value arrives), then stops, the value and drag_value now equal; the button's 7 starts the same loop. (One callback
writes the value: Dash leaves a callback on an allow_duplicate Output out of its wait for that prop.)"""
from ._shim import Dash, Input, Output, callback, ctx, dcc, html, log, no_update

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Set 7", id="set"),
    dcc.Slider(0, 10, 1, value=4, id="snap"),
    html.Div(id="shown"),
])


@callback(Output("snap", "value"), Input("set", "n_clicks"), Input("snap", "drag_value"), prevent_initial_call=True)
def snap(n, drag):
    log("snap", n, drag, ctx.triggered_id)
    if ctx.triggered_id == "set":
        return 7
    return no_update if drag is None else drag - drag % 2


@callback(Output("shown", "children"), Input("snap", "value"), Input("snap", "drag_value"))
def show(value, drag):
    log("show", value, drag)
    return f"{value} {drag}"


STEPS = [
    ("click", "set"),
    ("slide", "snap", 3),
    ("click", "set"),
]
