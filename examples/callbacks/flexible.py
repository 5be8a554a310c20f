"""Flexible callback signatures: dicts of inputs become keyword arguments, a dict of outputs is returned."""

from propwire import Dash, Input, Output, State, callback, ctx, dcc, html

app = Dash(__name__, title="flexible signatures")
app.layout = html.Div([
    dcc.Input(id="width", type="number", value=3),
    dcc.Input(id="height", type="number", value=4),
    dcc.Input(id="unit", value="cm"),
    html.Div(id="area"),
    html.Div(id="perimeter"),
    html.Div(id="grouping"),
])


@callback(
    output={"area": Output("area", "children"), "perimeter": Output("perimeter", "children"),
            "grouping": Output("grouping", "children")},
    inputs={"size": (Input("width", "value"), Input("height", "value"))},
    state={"unit": State("unit", "value")},
)
def measure(size, unit):
    width, height = (v or 0 for v in size)
    fired = [g["id"] for g in ctx.args_grouping["size"] if g["triggered"]]
    return {"area": f"area {width * height} {unit}²", "perimeter": f"perimeter {2 * (width + height)} {unit}",
            "grouping": f"changed: {', '.join(fired) or 'nothing (initial call)'}"}


if __name__ == "__main__":
    app.run(debug=True)
