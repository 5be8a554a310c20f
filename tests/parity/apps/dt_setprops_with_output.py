"""A callback returns its own Output and also sets another component's prop through set_props."""
from ._shim import Dash, Input, Output, html, log, set_props

app = Dash()
app.layout = html.Div([html.Div(id="output"), html.Div(id="secondary-output"), html.Button("click", id="clicker")])


@app.callback(Output("output", "children"), Input("clicker", "n_clicks"), prevent_initial_call=True)
def on_click(n_clicks):
    log("on_click", n_clicks)
    set_props("secondary-output", {"children": f"secondary {n_clicks}"})
    return f"Clicked {n_clicks} times"


STEPS = [("click", "clicker"), ("click", "clicker")]
