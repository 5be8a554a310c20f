"""One Graph per item of a MATCH layout: a click on a point of one item's graph reaches that item's callback
only, with the item's own figure as State."""
from ._shim import MATCH, Dash, Input, Output, State, callback, dcc, html, log

ITEMS = ["red", "blue", "green"]


def figure(i, colour):
    return {"data": [{"type": "bar", "x": ["a", "b", "c"], "y": [i + 1, i + 3, i + 2], "marker": {"color": colour},
                      "customdata": [f"{colour}-{k}" for k in "abc"]}],
            "layout": {"width": 300, "height": 220, "margin": {"t": 10, "b": 30, "l": 30, "r": 10}}}


app = Dash(__name__)
app.layout = html.Div([
    html.Div([dcc.Graph(id={"type": "chart", "index": i}, figure=figure(i, c)),
              html.Div(id={"type": "picked", "index": i})])
    for i, c in enumerate(ITEMS)
])


@callback(Output({"type": "picked", "index": MATCH}, "children"), Input({"type": "chart", "index": MATCH}, "clickData"),
          State({"type": "chart", "index": MATCH}, "figure"), prevent_initial_call=True)
def picked(click, fig):
    point = click["points"][0]
    log("picked", point["customdata"], point["x"], point["y"], fig["data"][0]["marker"]["color"])
    return f"{point['customdata']} = {point['y']}"


STEPS = [
    ("graph_click", {"type": "chart", "index": 1}, 0, 2),
    ("graph_click", {"type": "chart", "index": 0}, 0, 0),
    ("graph_click", {"type": "chart", "index": 2}, 0, 1),
]
