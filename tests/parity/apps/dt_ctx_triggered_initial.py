"""ctx.triggered on the initial call is falsy yet holds one placeholder {"prop_id": ".", "value": None}."""
import json

from ._shim import Dash, Input, Output, callback_context, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("click!", id="btn"), html.Div(id="out")])


@app.callback(Output("out", "children"), [Input("btn", "n_clicks")])
def report_triggered(n):
    triggered = callback_context.triggered
    log("report_triggered", n, bool(triggered), len(triggered), list(triggered))
    split = json.dumps(triggered[0]["prop_id"].split("."))
    return f"triggered is {'truthy' if triggered else 'falsy'}, has prop/id {split}, and full value {json.dumps(triggered)}"


STEPS = [("click", "btn"), ("click", "btn")]
