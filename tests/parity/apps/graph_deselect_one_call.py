"""A double-click that clears a box selection: one callback reads selectedData and relayoutData; plotly.js reports
the deselect and, a moment later, the box leaving the layout, and Dash 4.4.1 makes one call of both."""
from ._shim import Dash, Input, Output, callback, ctx, dcc, html, log

FIGURE = {"data": [{"type": "scatter", "mode": "markers", "x": [1, 2, 3, 4, 5], "y": [5, 3, 4, 1, 2],
                    "marker": {"size": 12}}],
          "layout": {"width": 480, "height": 320, "dragmode": "select", "hovermode": "closest", "showlegend": False,
                     "xaxis": {"range": [0, 6]}, "yaxis": {"range": [0, 6]}}}

app = Dash(__name__)
app.layout = html.Div([dcc.Graph(id="g", figure=FIGURE), html.Div(id="both")])


@callback(Output("both", "children"), Input("g", "selectedData"), Input("g", "relayoutData"),
          prevent_initial_call=True)
def both(selected, relayout):
    points = [p["pointNumber"] for p in selected["points"]] if selected else None
    fired = sorted(t["prop_id"] for t in ctx.triggered)
    log("both", points, sorted(relayout) if relayout else None, fired)
    return f"{points} {sorted(relayout) if relayout else None}"


STEPS = [
    ("graph_drag", "g", [0.5, 2.5], [3.5, 5.5]),
    ("graph_dblclick", "g", [5.5, 5.5]),
]
