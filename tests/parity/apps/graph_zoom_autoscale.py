"""Zoom then autoscale: a drag zooms (relayoutData with the box's ranges), a double-click autoscales back
(relayoutData with autorange); on a selecting Graph a double-click deselects (selectedData None)."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

DATA = [{"type": "scatter", "mode": "markers", "x": [1, 2, 3, 4], "y": [10, 30, 20, 40], "marker": {"size": 12}}]
LAYOUT = {"width": 460, "height": 400, "hovermode": "closest", "showlegend": False}

app = Dash(__name__)
app.layout = html.Div([
    dcc.Graph(id="zoom", figure={"data": DATA, "layout": LAYOUT}),
    dcc.Graph(id="sel", figure={"data": DATA, "layout": {**LAYOUT, "dragmode": "select"}}),
    html.Div(id="zoomed"), html.Div(id="selected"), html.Div(id="boxes"),
])


@callback(Output("zoomed", "children"), Input("zoom", "relayoutData"), prevent_initial_call=True)
def zoomed(relayout):
    # a browser drag is a pixel off the steps' data coordinates: x to 0.1, y to 1 (a unit of y is fewer pixels)
    shown = {k: round(v, 1 if k.startswith("x") else None) if isinstance(v, float) else v
             for k, v in sorted(relayout.items())}
    log("zoomed", shown)
    return str(shown)


@callback(Output("selected", "children"), Input("sel", "selectedData"), prevent_initial_call=True)
def selected(data):
    log("selected", sorted(p["pointNumber"] for p in data["points"]) if data else None)
    return str(bool(data))


# A callback of its own: a double-click's deselect and the relayout that drops the box come a moment apart, and
# are one call of a callback reading both (graph_deselect_one_call).
@callback(Output("boxes", "children"), Input("sel", "relayoutData"), prevent_initial_call=True)
def boxes(relayout):
    log("boxes", {k: len(v) if isinstance(v, list) else v for k, v in relayout.items()})
    return str(sorted(relayout))


STEPS = [
    # a box whose ticks are all new ones: plotly.js orders the tick labels it keeps and adds as its redraw goes
    # (and at least 20 px each way: plotly.js zooms a thinner box along its long side only)
    ("graph_drag", "zoom", [2.02, 20.3], [2.38, 24.7]),
    ("graph_dblclick", "zoom", [2.2, 22]),  # inside the zoomed plot
    ("graph_drag", "sel", [1.5, 15.5], [3.5, 35.5]),
    ("graph_dblclick", "sel", [2.5, 25]),
]
