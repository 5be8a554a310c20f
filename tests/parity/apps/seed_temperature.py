"""Seed "Synchronizing components on the same page" (temperature): typing Celsius sets Fahrenheit and back;
clearing one box clears the other (the callback returns None for the other Input's value)."""
from ._shim import Dash, Input, Output, callback, ctx, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Div("Convert Temperature"),
    "Celsius",
    dcc.Input(id="celsius", value=0.0, type="number"),
    " = Fahrenheit",
    dcc.Input(id="fahrenheit", value=32.0, type="number"),
])


@callback(Output("celsius", "value"), Output("fahrenheit", "value"),
          Input("celsius", "value"), Input("fahrenheit", "value"))
def sync_input(celsius, fahrenheit):
    input_id = ctx.triggered[0]["prop_id"].split(".")[0]
    log("sync_input", celsius, fahrenheit, input_id)
    if input_id == "celsius":
        fahrenheit = None if celsius is None else (float(celsius) * 9 / 5) + 32
    else:
        celsius = None if fahrenheit is None else (float(fahrenheit) - 32) * 5 / 9
    return celsius, fahrenheit


STEPS = [
    ("type", "celsius", "100"),
    ("type", "fahrenheit", "50"),
    ("type", "celsius", ""),          # clearing Celsius clears Fahrenheit
    ("type", "fahrenheit", "212"),
    ("type", "fahrenheit", ""),       # and the other way round
]
