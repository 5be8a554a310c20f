"""MATCH callbacks whose Input components are all absent (as Dash's test_cbmi009, MATCH always 0): one fed only
by such a callback does not run either, one with another present Input runs once at load; State alone does not
make a callback run; inserting the Inputs runs them all (items 7 and 19)."""
from ._shim import MATCH, Dash, Input, Output, State, callback, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([
    html.Div("Heading", id={"n": 0, "role": "heading"}), html.Button("fill", id="fill"), html.Div(id="slot"),
    html.Div("joined start", id={"n": 0, "role": "joined"}), html.Div("plain start", id={"n": 0, "role": "plain"}),
    html.Div("titled start", id={"n": 0, "role": "titled"}),
])


@callback(Output("slot", "children"), Input("fill", "n_clicks"))
def slot(n):
    log("slot", n)
    if not n:
        return "slot start"
    return [html.Div(t, id={"n": 0, "role": r}) for t, r in (("P", "p"), ("Q", "q"), ("R", "r"))]


@callback(Output({"n": MATCH, "role": "joined"}, "children"), Input({"n": MATCH, "role": "p"}, "children"),
          Input({"n": MATCH, "role": "q"}, "children"), State({"n": MATCH, "role": "r"}, "children"),
          State({"n": MATCH, "role": "heading"}, "children"))
def joined(p, q, r, heading):
    log("joined", p, q, r, heading)
    return p + q + r


@callback(Output({"n": MATCH, "role": "plain"}, "children"), Input({"n": MATCH, "role": "joined"}, "children"),
          State({"n": MATCH, "role": "heading"}, "children"))
def plain(text, heading):
    log("plain", text, heading)
    return f"{text} plain {heading}"


@callback(Output({"n": MATCH, "role": "titled"}, "children"), Input({"n": MATCH, "role": "joined"}, "children"),
          Input({"n": MATCH, "role": "heading"}, "children"))
def titled(text, heading):
    log("titled", text, heading)
    return f"{text} titled {heading}"


STEPS = [
    ("click", "fill"),
]
