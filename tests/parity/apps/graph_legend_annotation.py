"""A legend click hides a trace (restyleData, and the figure read as State says so), a second shows it again; a
click on an annotation that captures events is clickAnnotationData."""
from ._shim import Dash, Input, Output, State, callback, dcc, html, log

FIGURE = {
    "data": [{"type": "scatter", "mode": "markers", "name": "north", "x": [1, 2, 3], "y": [4, 6, 5]},
             {"type": "scatter", "mode": "markers", "name": "south", "x": [1, 2, 3], "y": [2, 1, 3]}],
    "layout": {"width": 520, "height": 340, "xaxis": {"range": [0, 4]}, "yaxis": {"range": [0, 8]},
               "annotations": [{"x": 2, "y": 7, "text": "peak week", "showarrow": False, "captureevents": True},
                               {"x": 3, "y": 0.5, "text": "quiet", "showarrow": False}]},
}

app = Dash(__name__)
app.layout = html.Div([dcc.Graph(id="g", figure=FIGURE), html.Div(id="styled"), html.Div(id="noted")])


@callback(Output("styled", "children"), Input("g", "restyleData"), State("g", "figure"), prevent_initial_call=True)
def styled(restyle, figure):
    shown = [t.get("visible", True) for t in figure["data"]]
    log("styled", restyle, shown)
    return f"{restyle} {shown}"


@callback(Output("noted", "children"), Input("g", "clickAnnotationData"), prevent_initial_call=True)
def noted(click):
    note = {k: v for k, v in click.items() if k != "timestamp"}
    log("noted", note, "timestamp" in click)
    return note["annotation"]["text"]


STEPS = [
    ("graph_legend", "g", 1),
    ("graph_annotation", "g", 0),
    ("graph_legend", "g", 1),
    ("graph_legend", "g", 0),
]
