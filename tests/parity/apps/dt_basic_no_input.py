"""A callback with only a State (no Input) runs once at load with the state's value."""
from ._shim import Dash, Output, State, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([dcc.Store(id="store", data="initial"), html.Div(id="output")])


@app.callback(Output("output", "children"), State("store", "data"))
def no_input_callback(data):
    log("no_input_callback", data)
    return f"Data: {data}"


STEPS = []
