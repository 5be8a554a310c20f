"""ALL callbacks and ctx.triggered when a matching component is inserted (as Dash's test_cbwc004): the callback
already on the page re-runs with the new input as its trigger; the one whose Output was just inserted gets an
initial call (falsy triggered); typing in the first input then triggers both with that input (items 3 and 21)."""
from ._shim import ALL, Dash, Input, Output, callback, ctx, dcc, html, log

app = Dash(__name__, suppress_callback_exceptions=True)  # inner-note comes later (item 15 is elsewhere)
app.layout = html.Div([
    dcc.Input(id={"kind": "field", "n": 1}, value="one"),
    html.Div(id="inner-box"), html.Div(id="outer-note"), html.Button("Reveal", id="reveal"),
])


def describe():
    fired = ctx.triggered  # what an initial call's falsy list holds is issue 11 item 8 (another branch's)
    return "truthy: " + " ".join(t["prop_id"] for t in fired) if fired else "falsy"


@callback(Output("inner-box", "children"), Input("reveal", "n_clicks"))
def reveal(n):
    log("reveal", n)
    if not n:
        return "nothing yet"
    return html.Div([dcc.Input(id={"kind": "field", "n": 2}, value="two"), html.Div(id="inner-note")])


@callback(Output("inner-note", "children"), Input({"kind": "field", "n": ALL}, "value"))
def inner(values):
    log("inner", values, describe())
    return describe()


@callback(Output("outer-note", "children"), Input({"kind": "field", "n": ALL}, "value"))
def outer(values):
    log("outer", values, describe())
    return describe()


STEPS = [
    ("click", "reveal"),
    ("type", {"kind": "field", "n": 1}, "onex"),
]
