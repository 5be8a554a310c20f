"""dcc.Tooltip: hidden without a bbox; a callback giving it a bbox and children shows them; show=False hides it."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Point", id="point"),
    html.Button("Hide", id="hide"),
    dcc.Tooltip(id="tip", direction="bottom", children=html.B("first", id="tip-text")),
    dcc.Tooltip(id="always", bbox={"x0": 10, "y0": 10, "x1": 20, "y1": 20}, children="pinned"),
])


@callback(Output("tip", "bbox"), Output("tip", "children"), Output("tip", "show"), Input("point", "n_clicks"),
          prevent_initial_call=True)
def point(n):
    log("point", n)
    return {"x0": 50, "y0": 60, "x1": 70, "y1": 80}, [html.P(f"point {n}", id="tip-p")], True


@callback(Output("always", "show"), Input("hide", "n_clicks"), prevent_initial_call=True)
def hide(n):
    log("hide", n)
    return False


STEPS = [
    ("click", "point"),
    ("click", "hide"),
    ("click", "point"),
]
