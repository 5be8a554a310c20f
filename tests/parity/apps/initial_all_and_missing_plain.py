"""An ALL Input next to a plain Input whose component is absent (as Dash's test_cbmi008): at load it does not
run, nor what it feeds, though its Output is there; once the plain one is inserted, both run (items 7, 19)."""
from ._shim import ALL, Dash, Input, Output, callback, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([
    html.Button("more", id="more"), html.Div(id="holder"),
    html.Div("mixed start", id="mixed"), html.Div("after start", id="after"),
])


@callback(Output("holder", "children"), Input("more", "n_clicks"))
def holder(n):
    log("holder", n)
    entries = [html.Div(f"entry {i}", id={"k": i}) for i in range(n or 0)]
    return entries + [html.Div("Z", id="z")] if entries else "holder start"


@callback(Output("mixed", "children"), Input({"k": ALL}, "children"), Input("z", "children"))
def mixed(entries, z):
    log("mixed", entries, z)
    return f"{z}: " + ("; ".join(entries) or "none")


@callback(Output("after", "children"), Input("mixed", "children"))
def after(text):
    log("after", text)
    return f"{text} / after"


STEPS = [
    ("click", "more"),
    ("click", "more"),
]
