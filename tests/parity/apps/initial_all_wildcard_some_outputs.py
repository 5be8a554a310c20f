"""An ALL-only callback with two Outputs, one absent at load (as Dash's test_cbmi007): it does not run until
both are there, so the present Output keeps its layout text; then every click re-runs it (items 7, 13, 19)."""
from ._shim import ALL, Dash, Input, Output, callback, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([
    html.Button("more", id="more"), html.Div(id="holder"),
    html.Div("echo start", id="echo"), html.Div("tail start", id="tail"),
])


@callback(Output("holder", "children"), Input("more", "n_clicks"))
def holder(n):
    log("holder", n)
    entries = [html.Div(f"entry {i}", id={"k": i}) for i in range(n or 0)]
    return entries + [html.Div("head start", id="head")] if entries else "holder start"


@callback(Output("head", "children"), Output("tail", "children"), Input({"k": ALL}, "children"))
def both(entries):
    log("both", entries)
    joined = "; ".join(entries) or "none"
    return joined, f"{joined} (tail)"


@callback(Output("echo", "children"), Input("head", "children"))
def echo(text):
    log("echo", text)
    return f"echo {text}"


STEPS = [
    ("click", "more"),
    ("click", "more"),
]
