"""A multi dcc.Dropdown's count: none for one value, "N selected" from two on, its text from labels.selected_count,
and the chosen labels in the order they were picked."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

OPTIONS = [{"label": "Red", "value": "r"}, {"label": "Green", "value": "g"}, {"label": "Blue", "value": "b"},
           {"label": "Gold", "value": "y"}]
app = Dash(__name__)
app.layout = html.Div([
    dcc.Dropdown(OPTIONS, ["b", "r", "g"], id="colours", multi=True),
    dcc.Dropdown(OPTIONS, ["y"], id="custom", multi=True, labels={"selected_count": "{num_selected} colours picked"}),
    html.Div(id="out"),
])


@callback(Output("out", "children"), Input("colours", "value"), Input("custom", "value"))
def show(colours, custom):
    log("show", colours, custom)
    return f"{colours} / {custom}"


STEPS = [  # one option toggled per step: a user's click each (the headless client sets the value at once)
    ("select", "custom", ["y", "g"]),
    ("select", "colours", ["b", "g"]),
    ("select", "custom", ["y", "g", "r"]),
    ("select", "colours", ["b"]),
    ("select", "colours", []),
]
