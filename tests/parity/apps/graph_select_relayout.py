"""A box select on a Graph whose dragmode is select: selectedData (points and range) and what relayoutData says
of it; a second box elsewhere replaces the selection."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

FIGURE = {"data": [{"type": "scatter", "mode": "markers", "x": [1, 2, 3, 4, 5], "y": [5, 3, 4, 1, 2],
                    "marker": {"size": 12}},
                   {"type": "scatter", "mode": "markers", "x": [1.5, 4.5], "y": [1.5, 4.5], "marker": {"size": 12}}],
          "layout": {"width": 480, "height": 320, "dragmode": "select", "hovermode": "closest", "showlegend": False,
                     "xaxis": {"range": [0, 6]}, "yaxis": {"range": [0, 6]}}}

app = Dash(__name__)
app.layout = html.Div([dcc.Graph(id="g", figure=FIGURE), html.Div(id="picked"), html.Div(id="layout")])


@callback(Output("picked", "children"), Input("g", "selectedData"), prevent_initial_call=True)
def picked(data):
    points = [[p["curveNumber"], p["pointNumber"], p["x"], p["y"]] for p in data["points"]] if data else None
    box = {k: [round(v, 1) for v in vs] for k, vs in data["range"].items()} if data and "range" in data else None
    log("picked", points, box)
    return str(points)


@callback(Output("layout", "children"), Input("g", "relayoutData"), prevent_initial_call=True)
def layout(relayout):
    log("layout", sorted(relayout) if relayout else None)
    return str(sorted(relayout) if relayout else None)


STEPS = [
    ("graph_drag", "g", [0.5, 3.5], [3.5, 5.5]),
    ("graph_drag", "g", [3.5, 0.5], [5.5, 4.8]),
]
