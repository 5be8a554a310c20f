"""Seed "Synchronizing components on the same page" (slider + input): moving the slider sets the number box,
typing a number moves the slider; one callback has both as Input and Output."""
from ._shim import Dash, Input, Output, callback, ctx, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Slider(id="slider-circular", min=0, max=20, marks={i: str(i) for i in range(21)}, value=3),
    dcc.Input(id="input-circular", type="number", min=0, max=20, value=3),
])


@callback(Output("input-circular", "value"), Output("slider-circular", "value"),
          Input("input-circular", "value"), Input("slider-circular", "value"))
def sync(input_value, slider_value):
    trigger_id = ctx.triggered[0]["prop_id"].split(".")[0]
    log("sync", input_value, slider_value, trigger_id)
    value = input_value if trigger_id == "input-circular" else slider_value
    return value, value


STEPS = [
    ("type", "input-circular", "12"),
    ("slide", "slider-circular", 5),
    ("type", "input-circular", "20"),
]
