"""Slider tooltips always shown (template, style, placement) and drag_value: set to the value as the slider
mounts (one more call, as Dash 4.4.1 makes), then with the value when the rail is clicked."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Slider(0, 10, 1, value=3, id="kg",
               tooltip={"placement": "bottom", "always_visible": True, "template": "{value} kg",
                        "style": {"color": "red"}}),
    dcc.RangeSlider(0, 10, 1, value=[2, 6], id="span", tooltip={"always_visible": True}),
    dcc.Slider(0, 10, 1, id="unset"),
    html.Div(id="out"),
])


@callback(Output("out", "children"), Input("kg", "drag_value"), Input("kg", "value"),
          Input("span", "drag_value"), Input("unset", "drag_value"))
def show(kg_drag, kg, span_drag, unset_drag):
    log("show", kg_drag, kg, span_drag, unset_drag)
    return f"{kg_drag} {kg} {span_drag} {unset_drag}"


STEPS = [
    ("slide", "kg", 7),
    ("slide", "span", 9),
]
