"""dcc.Tooltip driven by a Graph's hoverData, as Dash's docs show it: hovering a point puts the tooltip at the
point's bbox with the point's values; leaving the graph (clear_on_unhover) hides it. The headless client has no
pixels, so its hoverData has no bbox: the app then places the tooltip at the origin (only the text is compared)."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

DATA = [{"type": "scatter", "mode": "markers", "x": [1, 2, 3], "y": [3, 1, 2], "marker": {"size": 14},
         "hoverinfo": "none"}]
LAYOUT = {"width": 420, "height": 300, "xaxis": {"range": [0, 4]}, "yaxis": {"range": [0, 4]}, "hovermode": "closest"}

app = Dash(__name__)
app.layout = html.Div([
    dcc.Graph(id="graph", figure={"data": DATA, "layout": LAYOUT}, clear_on_unhover=True),
    dcc.Tooltip(id="tip", direction="bottom"),
    html.Button("elsewhere", id="away"),
])


@callback(Output("tip", "show"), Output("tip", "bbox"), Output("tip", "children"), Input("graph", "hoverData"))
def hover(data):
    point = data["points"][0] if data else None
    log("hover", None if point is None else [point["x"], point["y"]])
    if point is None:
        return False, None, None
    bbox = point.get("bbox", {"x0": 0, "y0": 0, "x1": 0, "y1": 0})
    return True, bbox, [html.B(f"x={point['x']}", id="tip-x"), html.Span(f" y={point['y']}", id="tip-y")]


STEPS = [
    ("graph_hover", "graph", 0, 1),
    ("click", "away"),
    ("graph_hover", "graph", 0, 2),
]
