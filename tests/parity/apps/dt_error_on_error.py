"""on_error: a callback's own handler (its return value fills the output, set_props works in it) and the app-wide
handler for callbacks without one, including a callback with dict groupings (its output keeps its value)."""
from ._shim import Dash, Input, Output, html, log, set_props


def global_handler(err):
    log("global_handler", str(err))
    set_props("output-global", {"children": f"global: {err}"})


app = Dash(on_error=global_handler)
app.layout = [
    html.Button("start", id="start-local"), html.Button("start-global", id="start-global"),
    html.Button("start-grouped", id="start-grouped"), html.Div(id="output"), html.Div(id="output-global"),
    html.Div(id="error-message"), html.Div("default-value", id="grouped-output"),
]


def local_handler(err):
    log("local_handler", str(err))
    set_props("error-message", {"children": f"message: {err}"})
    return f"callback: {err}"


@app.callback(Output("output", "children"), Input("start-local", "n_clicks"), on_error=local_handler,
              prevent_initial_call=True)
def on_start(n):
    log("on_start", n)
    raise Exception("local error")


@app.callback(Output("output-global", "children"), Input("start-global", "n_clicks"), prevent_initial_call=True)
def on_start_global(n):
    log("on_start_global", n)
    raise Exception("global error")


@app.callback(output=dict(test=Output("grouped-output", "children")), inputs=dict(start=Input("start-grouped", "n_clicks")),
              prevent_initial_call=True)
def on_start_grouped(start=0):
    log("on_start_grouped", start)
    raise Exception("grouped error")


STEPS = [("click", "start-local"), ("click", "start-global"), ("click", "start-grouped"), ("click", "start-local")]
