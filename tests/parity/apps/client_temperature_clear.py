"""The seed's Celsius/Fahrenheit boxes: clearing one box clears the other (a callback returning None
for dcc.Input.value empties the field on screen)."""
from ._shim import Dash, Input, Output, callback, ctx, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    "Celsius", dcc.Input(id="celsius", value=0.0, type="number"),
    " = Fahrenheit", dcc.Input(id="fahrenheit", value=32.0, type="number"),
])


@callback(Output("celsius", "value"), Output("fahrenheit", "value"),
          Input("celsius", "value"), Input("fahrenheit", "value"))
def sync(celsius, fahrenheit):
    log("sync", celsius, fahrenheit, ctx.triggered_id)
    if ctx.triggered_id == "celsius":
        return celsius, None if celsius is None else round(float(celsius) * 9 / 5 + 32, 2)
    return None if fahrenheit is None else round((float(fahrenheit) - 32) * 5 / 9, 2), fahrenheit


STEPS = [
    ("type", "celsius", "100"),
    ("type", "celsius", ""),
    ("type", "fahrenheit", "50"),
    ("type", "fahrenheit", ""),
]
