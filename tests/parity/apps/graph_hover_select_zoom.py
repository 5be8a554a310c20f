"""hoverData, selectedData (a box select) and relayoutData (a zoom drag) of dcc.Graphs, as callbacks get them."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

DATA = [{"type": "scatter", "mode": "markers", "x": [1, 2, 3, 4], "y": [10, 30, 20, 40],
         "customdata": ["a", "b", "c", "d"], "marker": {"size": 14}}]
LAYOUT = {"width": 460, "height": 320, "xaxis": {"range": [0, 5]}, "yaxis": {"range": [0, 50]},
          "hovermode": "closest"}
KEYS = ("curveNumber", "pointNumber", "pointIndex", "x", "y", "customdata")

app = Dash(__name__)
app.layout = html.Div([
    dcc.Graph(id="sel", figure={"data": DATA, "layout": {**LAYOUT, "dragmode": "select"}}),
    dcc.Graph(id="zoom", figure={"data": DATA, "layout": LAYOUT}),
    html.Div(id="hovered"), html.Div(id="selected"), html.Div(id="zoomed"),
])


def points(data):
    return [{k: p.get(k) for k in KEYS} for p in data["points"]] if data else None


@callback(Output("hovered", "children"), Input("zoom", "hoverData"), prevent_initial_call=True)
def hovered(hover):
    log("hovered", points(hover))
    return str(points(hover))


@callback(Output("selected", "children"), Input("sel", "selectedData"), prevent_initial_call=True)
def selected(data):
    picked = sorted(p["pointNumber"] for p in data["points"]) if data else None
    box = [round(v, 1) for v in data["range"]["x"]] if data and "range" in data else None
    log("selected", picked, box)
    return f"{picked} {box}"


@callback(Output("zoomed", "children"), Input("zoom", "relayoutData"), prevent_initial_call=True)
def zoomed(relayout):
    ranges = {k: round(v, 1) for k, v in sorted(relayout.items()) if "range[" in k} if relayout else None
    log("zoomed", ranges)
    return str(ranges)


STEPS = [
    ("graph_hover", "zoom", 0, 1),
    ("graph_drag", "sel", [1.5, 5], [3.5, 45]),
    ("graph_drag", "zoom", [1, 10], [3, 40]),
]
