"""set_props inserts a button whose callback (plain Input, suppress_callback_exceptions) follows its clicks."""
from ._shim import Dash, Input, Output, html, log, set_props

app = Dash(suppress_callback_exceptions=True)
app.layout = html.Div([html.Button("origin button", id="origin-button"), html.Div(id="generated-button-container"),
                       html.Div("initial text", id="generated-button-output")])


@app.callback(Input("origin-button", "n_clicks"), prevent_initial_call=True)
def generate_button(n_clicks):
    log("generate_button", n_clicks)
    set_props("generated-button-container",
              {"children": html.Button("generated button", id="generated-button", n_clicks=0)})


@app.callback(Output("generated-button-output", "children"), Input("generated-button", "n_clicks"),
              prevent_initial_call=True)
def update_output(n_clicks):
    log("update_output", n_clicks)
    return f"n_clicks: {n_clicks}"


STEPS = [("click", "origin-button"), ("click", "generated-button"), ("click", "generated-button")]
