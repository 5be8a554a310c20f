"""Dash's clientside-callbacks page, first example's shape: a server callback puts a figure in a dcc.Store, a
clientside callback draws it in a dcc.Graph with the axis type a RadioItems picks (server -> clientside)."""
from ._shim import Dash, Input, Output, clientside_callback, dcc, html, log

SALES = {"north": [3, 30, 300, 3000], "south": [5, 8, 90, 70]}

app = Dash(__name__)
app.layout = html.Div([
    dcc.Dropdown(["north", "south"], "north", id="region", clearable=False),
    dcc.RadioItems(["linear", "log"], "linear", id="scale"),
    dcc.Store(id="figure-store"),
    dcc.Graph(id="graph"),
    html.Div(id="axis"),
])


@app.callback(Output("figure-store", "data"), Input("region", "value"))
def store_figure(region):
    log("store_figure", region)
    return {"data": [{"type": "scatter", "mode": "lines+markers", "x": [1, 2, 3, 4], "y": SALES[region],
                      "name": region}],
            "layout": {"title": {"text": f"sales {region}"}, "yaxis": {"type": "linear"}}}


clientside_callback(
    """
    function(figure, scale) {
        if (figure === undefined || figure === null) { return [{data: [], layout: {}}, "no figure"]; }
        var layout = Object.assign({}, figure.layout, {yaxis: Object.assign({}, figure.layout.yaxis, {type: scale})});
        return [Object.assign({}, figure, {layout: layout}), "axis " + scale + " for " + figure.data[0].name];
    }
    """,
    Output("graph", "figure"), Output("axis", "children"),
    Input("figure-store", "data"), Input("scale", "value"),
)


STEPS = [("select", "scale", "log"), ("select", "region", "south"), ("select", "scale", "linear")]
