"""A callback writes a data-* attribute of a div; a second callback reads that attribute as its Input."""
from ._shim import Dash, Input, Output, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Input(id="input", value="initial value"),
    html.Div(html.Div([1.5, None, "string",
                       html.Div(id="output-1", **{"data-cb": "initial value", "aria-cb": "initial value"})])),
])


@app.callback(Output("output-1", "data-cb"), Input("input", "value"))
def update_data(value):
    log("update_data", value)
    return value


@app.callback(Output("output-1", "children"), Input("output-1", "data-cb"))
def update_text(data):
    log("update_text", data)
    return data


STEPS = [("type", "input", ""), ("type", "input", "hello"), ("type", "input", "hello world")]
