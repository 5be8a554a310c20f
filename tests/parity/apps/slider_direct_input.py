"""Slider and RangeSlider number boxes (allow_direct_input, on by default in Dash 4): typing on the grid moves
drag_value, leaving sets value clamped to min..max (and the other handle) and snapped to the step. (marks=None: the
headless client draws auto marks for a 330 px slider, the page is wider.)"""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Slider(0, 10, 0.5, value=3, id="s", marks=None),
    dcc.RangeSlider(0, 100, 5, value=[20, 80], id="r", marks=None),
    dcc.Slider(0, 20, 2, value=4, id="d", updatemode="drag", marks=None),
    html.Div(id="out"),
    html.Div(id="out-d"),
])


@callback(Output("out", "children"), Input("s", "value"), Input("s", "drag_value"), Input("r", "value"),
          Input("r", "drag_value"))
def show(v, dv, rv, rdv):
    log("show", v, dv, rv, rdv)
    return f"{v} {dv} {rv} {rdv}"


@callback(Output("out-d", "children"), Input("d", "value"), Input("d", "drag_value"))
def show_drag(v, dv):
    log("show_drag", v, dv)
    return f"{v} {dv}"


STEPS = [
    ("slider_type", "s", -1, "7.5"),
    ("slider_type", "s", -1, "42"),
    ("slider_type", "s", -1, "4.3"),
    ("slider_type", "r", 0, "90"),
    ("slider_type", "r", -1, "95"),
    ("slider_type", "r", 0, "-5"),
    ("slider_type", "d", -1, "8"),
    ("slider_type", "d", -1, "9"),
]
