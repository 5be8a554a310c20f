"""A click on a point of a dcc.Graph reaches a callback as clickData: the point's curve, index, x, y, customdata;
a second click on the same point is a new clickData (its timestamp differs)."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

FIGURE = {
    "data": [
        {"type": "scatter", "mode": "markers", "x": [1, 2, 3, 4], "y": [10, 30, 20, 40],
         "customdata": ["a", "b", "c", "d"], "marker": {"size": 14}},
        {"type": "scatter", "mode": "markers", "x": [1.5, 3.5], "y": [45, 5], "marker": {"size": 14}},
    ],
    "layout": {"width": 500, "height": 360, "xaxis": {"range": [0, 5]}, "yaxis": {"range": [0, 50]},
               "hovermode": "closest", "showlegend": False},
}
KEYS = ("curveNumber", "pointNumber", "pointIndex", "x", "y", "customdata")

app = Dash(__name__)
# Two clicks within plotly's double-click delay are a double click (an autoscale, no click event): the runner's
# steps come faster than a user's, so the delay is plotly's least.
app.layout = html.Div([dcc.Graph(id="g", figure=FIGURE, config={"doubleClickDelay": 100}), html.Div(id="out")])


@callback(Output("out", "children"), Input("g", "clickData"))
def show(click):
    points = [{k: p.get(k) for k in KEYS} for p in click["points"]] if click else None
    log("show", points, bool(click and click.get("timestamp")))
    return "nothing clicked" if not points else f"{points[0]['curveNumber']}/{points[0]['pointNumber']}"


STEPS = [
    ("graph_click", "g", 0, 2),
    ("graph_click", "g", 1, 0),
    ("graph_click", "g", 1, 0),
]
