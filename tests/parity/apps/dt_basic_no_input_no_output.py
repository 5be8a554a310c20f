"""Three callbacks with neither Input nor Output each run once at load (they act through side effects)."""
from ._shim import Dash, html, log, set_props

app = Dash(__name__)
app.layout = html.Div([html.Div("Waiting...", id="output"), html.Div(id="side")])


@app.callback()
def first_callback():
    log("first_callback")


@app.callback()
def second_callback():
    log("second_callback")


@app.callback()
def third_callback():
    log("third_callback")
    set_props("side", {"children": "set by the third"})


STEPS = []
