"""clear_on_unhover: moving the pointer off a Graph sets its hoverData to None; a Graph without it keeps the last
hover. The pointer leaves a graph when the user clicks something else."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

DATA = [{"type": "scatter", "mode": "markers", "x": [1, 2, 3], "y": [3, 1, 2], "customdata": ["x", "y", "z"],
         "marker": {"size": 14}}]
LAYOUT = {"width": 420, "height": 300, "xaxis": {"range": [0, 4]}, "yaxis": {"range": [0, 4]}, "hovermode": "closest"}

app = Dash(__name__)
app.layout = html.Div([
    dcc.Graph(id="clears", figure={"data": DATA, "layout": LAYOUT}, clear_on_unhover=True),
    dcc.Graph(id="keeps", figure={"data": DATA, "layout": LAYOUT}),
    html.Button("elsewhere", id="away"), html.Div(id="out"),
])


def first(hover):
    return None if not hover else {k: hover["points"][0].get(k) for k in ("pointNumber", "x", "y", "customdata")}


@callback(Output("out", "children"), Input("clears", "hoverData"), Input("keeps", "hoverData"),
          Input("away", "n_clicks"))
def show(clears, keeps, n):
    log("show", first(clears), first(keeps), n)
    return f"{first(clears)} | {first(keeps)}"


STEPS = [
    ("graph_hover", "clears", 0, 1),
    ("click", "away"),
    ("graph_hover", "keeps", 0, 2),
    ("click", "away"),
    ("graph_hover", "clears", 0, 0),
    ("graph_hover", "keeps", 0, 0),
]
