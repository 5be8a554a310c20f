"""Running sums with ALLSMALLER: each row shows the sum of its value and every value above it."""

from propwire import ALLSMALLER, MATCH, Dash, Input, Output, callback, dcc, html

app = Dash(__name__, title="running sum")
app.layout = html.Div([
    html.Div([
        dcc.Input(id={"type": "value", "index": i}, type="number", value=i + 1),
        html.Span(id={"type": "sum", "index": i}),
    ]) for i in range(5)
])


@callback(Output({"type": "sum", "index": MATCH}, "children"),
          Input({"type": "value", "index": MATCH}, "value"),
          Input({"type": "value", "index": ALLSMALLER}, "value"))
def running_sum(value, above):
    return f" running sum: {sum(v or 0 for v in above) + (value or 0)}"


if __name__ == "__main__":
    app.run(debug=True)
