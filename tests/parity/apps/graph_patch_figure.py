"""A Patch on a Graph's figure: recolour one trace, append to a list trace's x and y, replace a trace; a chained
callback reads the patched figure (as its Input), another reads it as State after a click on a new point."""
from ._shim import Dash, Input, Output, Patch, State, callback, ctx, dcc, html, log

FIGURE = {
    "data": [{"type": "scatter", "mode": "lines+markers", "name": "a", "x": [1, 2, 3], "y": [2, 4, 3],
              "line": {"color": "blue"}},
             {"type": "bar", "name": "b", "x": [1, 2, 3], "y": [1, 1, 2], "marker": {"color": "grey"}}],
    "layout": {"width": 500, "height": 320, "showlegend": False, "hovermode": "closest"},
}

app = Dash(__name__)
app.layout = html.Div([
    html.Button("recolour", id="recolour"), html.Button("append", id="append"), html.Button("replace", id="replace"),
    dcc.Graph(id="g", figure=FIGURE), html.Div(id="seen"), html.Div(id="clicked"),
])


@callback(Output("g", "figure"), Input("recolour", "n_clicks"), Input("append", "n_clicks"),
          Input("replace", "n_clicks"), prevent_initial_call=True)
def patch(recolour, append, replace):
    log("patch", ctx.triggered_id, recolour, append, replace)
    fig = Patch()
    if ctx.triggered_id == "recolour":
        fig["data"][0]["line"]["color"] = ["red", "green"][recolour % 2]
    elif ctx.triggered_id == "append":
        fig["data"][0]["x"].append(3 + append)
        fig["data"][0]["y"].append(5 * append)
    else:
        fig["data"][1] = {"type": "scatter", "mode": "markers", "name": f"c{replace}", "x": [1.5, 2.5],
                          "y": [replace, replace + 1], "marker": {"size": 12}}
    return fig


@callback(Output("seen", "children"), Input("g", "figure"))
def seen(figure):
    traces = [[t["type"], t.get("name"), t["x"], t["y"], t.get("line", t.get("marker"))] for t in figure["data"]]
    log("seen", traces)
    return str([t[1] for t in traces])


@callback(Output("clicked", "children"), Input("g", "clickData"), State("g", "figure"), prevent_initial_call=True)
def clicked(click, figure):
    point = click["points"][0]
    log("clicked", point["curveNumber"], point["pointNumber"], point["x"], point["y"], len(figure["data"][0]["x"]))
    return f"{point['x']} {point['y']}"


STEPS = [
    ("click", "recolour"),
    ("click", "append"),
    ("click", "append"),
    ("graph_click", "g", 0, 4),
    ("click", "replace"),
    ("graph_click", "g", 1, 1),
    ("click", "recolour"),
]
