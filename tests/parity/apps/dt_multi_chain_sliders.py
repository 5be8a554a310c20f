"""Two callbacks on one button set two Sliders (prevented before the first click); labels follow each slider."""
from ._shim import Dash, Input, Output, PreventUpdate, dcc, html, log

MARKS = {0: "0", 5: "5", 10: "10"}  # explicit: Dash draws marks of its own when there are none
app = Dash(__name__)
app.layout = html.Div([
    html.Button("Button", id="button"),
    html.Div([html.Label(id="label1"), dcc.Slider(id="slider1", min=0, max=10, value=0, marks=MARKS)]),
    html.Div([html.Label(id="label2"), dcc.Slider(id="slider2", min=0, max=10, value=0, marks=MARKS)]),
])


@app.callback(Output("slider1", "value"), [Input("button", "n_clicks")])
def update_slider1_val(n):
    log("update_slider1_val", n)
    if not n:
        raise PreventUpdate
    return n


@app.callback(Output("slider2", "value"), [Input("button", "n_clicks")])
def update_slider2_val(n):
    log("update_slider2_val", n)
    if not n:
        raise PreventUpdate
    return n


@app.callback(Output("label1", "children"), [Input("slider1", "value")])
def update_slider1_label(val):
    log("update_slider1_label", val)
    return f"Slider1 value {val}"


@app.callback(Output("label2", "children"), [Input("slider2", "value")])
def update_slider2_label(val):
    log("update_slider2_label", val)
    return f"Slider2 value {val}"


STEPS = [("click", "button"), ("click", "button")]
