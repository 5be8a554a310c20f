"""An ALL-only callback whose Output is not in the layout yet (as Dash's test_cbmi006): it does not run at load,
nor does the callback its Output feeds; once a click inserts the items and the Output, both run (items 7, 13)."""
from ._shim import ALL, Dash, Input, Output, callback, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([
    html.Button("more", id="more"), html.Div(id="holder"), html.Div("second start", id="second"),
])


@callback(Output("holder", "children"), Input("more", "n_clicks"))
def holder(n):
    log("holder", n)
    entries = [html.Div(f"entry {i}", id={"k": i}) for i in range(n or 0)]
    return entries + [html.Div("first start", id="first")] if entries else "holder start"


@callback(Output("first", "children"), Input({"k": ALL}, "children"))
def first(entries):
    log("first", entries)
    return "; ".join(entries) or "none"


@callback(Output("second", "children"), Input("first", "children"))
def second(text):
    log("second", text)
    return f"[{text}]"


STEPS = [
    ("click", "more"),
    ("click", "more"),
]
