"""Callbacks without any Output: two write a div through set_props, a third only has a side effect."""
from ._shim import Dash, Input, html, log, set_props

app = Dash()
app.layout = html.Div([html.Div(id="secondary-output"), html.Button("no-output", id="no-output"),
                       html.Button("no-output2", id="no-output2"), html.Button("no-output3", id="no-output3")])


@app.callback(Input("no-output", "n_clicks"), prevent_initial_call=True)
def no_output1(n):
    log("no_output1", n)
    set_props("secondary-output", {"children": "no-output"})


@app.callback(Input("no-output2", "n_clicks"), prevent_initial_call=True)
def no_output2(n):
    log("no_output2", n)
    set_props("secondary-output", {"children": "no-output2"})


@app.callback(Input("no-output3", "n_clicks"), prevent_initial_call=True)
def no_output3(n):
    log("no_output3", n)


STEPS = [("click", "no-output"), ("click", "no-output2"), ("click", "no-output3"), ("click", "no-output")]
