"""Zoom then autoscale: a drag zooms (relayoutData with the box's ranges), a double-click autoscales back
(relayoutData with autorange); on a selecting Graph a double-click deselects (selectedData None)."""
from _shim import Dash, Input, Output, callback, dcc, html, log

DATA = [{"type": "scatter", "mode": "markers", "x": [1, 2, 3, 4], "y": [10, 30, 20, 40], "marker": {"size": 12}}]
LAYOUT = {"width": 460, "height": 300, "hovermode": "closest", "showlegend": False}

app = Dash(__name__)
app.layout = html.Div([
    dcc.Graph(id="zoom", figure={"data": DATA, "layout": LAYOUT}),
    dcc.Graph(id="sel", figure={"data": DATA, "layout": {**LAYOUT, "dragmode": "select"}}),
    html.Div(id="zoomed"), html.Div(id="selected"),
])


@callback(Output("zoomed", "children"), Input("zoom", "relayoutData"), prevent_initial_call=True)
def zoomed(relayout):
    shown = {k: round(v, 1) if isinstance(v, float) else v for k, v in sorted(relayout.items())}
    log("zoomed", shown)
    return str(shown)


@callback(Output("selected", "children"), Input("sel", "selectedData"), Input("sel", "relayoutData"),
          prevent_initial_call=True)
def selected(data, relayout):
    log("selected", sorted(p["pointNumber"] for p in data["points"]) if data else None,
        {k: len(v) if isinstance(v, list) else v for k, v in (relayout or {}).items()})
    return str(bool(data))


STEPS = [
    ("graph_drag", "zoom", [1.5, 15.5], [3.5, 35.5]),
    ("graph_dblclick", "zoom", [2.5, 25]),
    ("graph_drag", "sel", [1.5, 15.5], [3.5, 35.5]),
    ("graph_dblclick", "sel", [2.5, 25]),
]
