"""Pattern-matching clientside callbacks: a MATCH one per item, and an ALL one summing every item's clicks."""
from ._shim import ALL, MATCH, Dash, Input, Output, clientside_callback, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Div([html.Button(f"b{i}", id={"type": "btn", "index": i}) for i in range(3)]),
    html.Div([html.Div(id={"type": "label", "index": i}) for i in range(3)]),
    html.Div(id="total"), html.Div(id="server"),
])

clientside_callback(
    "function(n) { var c = window.dash_clientside.callback_context; "
    "return 'item ' + (c.outputs_list.id.index) + ': ' + (n || 0); }",
    Output({"type": "label", "index": MATCH}, "children"),
    Input({"type": "btn", "index": MATCH}, "n_clicks"),
)
clientside_callback(
    "function(ns) { return 'total ' + ns.reduce(function(a, n) { return a + (n || 0); }, 0); }",
    Output("total", "children"),
    Input({"type": "btn", "index": ALL}, "n_clicks"),
)


@app.callback(Output("server", "children"), Input("total", "children"))
def server(total):
    log("server", total)
    return f"server saw {total}"


STEPS = [("click", {"type": "btn", "index": 1}), ("click", {"type": "btn", "index": 2}),
         ("click", {"type": "btn", "index": 1})]
