"""Two no-Input callbacks write the same output (allow_duplicate + initial_duplicate): both run once at load."""
from ._shim import Dash, Output, State, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([dcc.Store(id="store", data="initial"), html.Div("Waiting...", id="output")])


@app.callback(Output("output", "children"), State("store", "data"))
def first_no_input_callback(data):
    log("first_no_input_callback", data)
    return f"Data: {data}"


@app.callback(Output("output", "children", allow_duplicate=True), State("store", "data"),
              prevent_initial_call="initial_duplicate")
def second_no_input_callback(data):
    log("second_no_input_callback", data)
    return f"Data: {data}"   # the same text: which one lands last is not part of the contract


STEPS = []
