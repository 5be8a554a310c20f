"""A plotly.express figure (its numeric columns are typed arrays, {dtype, bdata}, as plotly.py 6+ writes them) in
the layout: a click on a point gives the decoded values, and a callback reads the figure back as State, specs and
all."""
import base64

import numpy as np
import pandas as pd
import plotly.express as px

from ._shim import Dash, Input, Output, State, callback, dcc, html, log

FRAME = pd.DataFrame({"day": [1, 2, 3, 4, 5, 6], "sales": [3.5, 7.25, 5.0, 9.75, 4.5, 8.0],
                      "shop": ["north", "north", "north", "south", "south", "south"], "staff": [2, 3, 2, 4, 3, 5]})
FIGURE = px.scatter(FRAME, x="day", y="sales", color="shop", size="staff", custom_data=["staff"],
                    width=520, height=340)


def plain(values):
    """A figure array as a list: a typed-array spec decoded, anything else as it came."""
    if isinstance(values, dict) and "bdata" in values:
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=np.dtype(values["dtype"])).tolist()
    return values


app = Dash(__name__)
app.layout = html.Div([dcc.Graph(id="g", figure=FIGURE), html.Button("read", id="read"), html.Div(id="out"),
                       html.Div(id="clicked")])


@callback(Output("out", "children"), Input("read", "n_clicks"), State("g", "figure"), prevent_initial_call=True)
def read(n, figure):
    # Dash's State also has plotly.js's `_inputArray` inside each spec (plotly.js decodes the figure in place);
    # propwire hands the spec back as sent (docs/graph.md, "What differs from Dash"): not compared.
    keys = lambda v: sorted(set(v) - {"_inputArray"}) if isinstance(v, dict) else "list"  # noqa: E731
    traces = [[t["name"], keys(t["x"]), plain(t["x"]), plain(t["y"]),
               plain(t["marker"]["size"])] for t in figure["data"]]
    log("read", n, traces, figure["layout"]["width"])
    return str([t[3] for t in traces])


@callback(Output("clicked", "children"), Input("g", "clickData"), prevent_initial_call=True)
def clicked(click):
    point = click["points"][0]
    # not `customdata`: Dash 4.4.1 loses a typed-array customdata in clickData (it indexes the undecoded spec;
    # plotly/plotly.py#5119), propwire gives the point's row (docs/graph.md, "What differs from Dash")
    log("clicked", {k: point.get(k) for k in ("curveNumber", "pointNumber", "x", "y", "marker.size")})
    return f"{point['x']} {point['y']}"


STEPS = [
    ("click", "read"),
    ("graph_click", "g", 1, 2),
    ("click", "read"),
]
