"""A callback with no Output at all runs at load and on each click, beside a normal one on the same Input."""
from ._shim import Dash, Input, Output, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("Click", id="btn", n_clicks=0), html.Div(id="output")])


@app.callback(Input("btn", "n_clicks"))
def no_output_callback(n_clicks):
    log("no_output_callback", n_clicks)


@app.callback(Output("output", "children"), Input("btn", "n_clicks"))
def with_output_callback(n_clicks):
    log("with_output_callback", n_clicks)
    return f"Clicks: {n_clicks}"


STEPS = [("click", "btn"), ("click", "btn")]
