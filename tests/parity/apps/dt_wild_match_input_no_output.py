"""A MATCH Input on a callback without Outputs, acting through set_props."""
from ._shim import MATCH, Dash, Input, State, html, log, set_props

app = Dash(__name__)
app.layout = html.Div([html.Button("One", id={"type": "btn", "index": 1}),
                       html.Button("Two", id={"type": "btn", "index": 2}), html.Div("initial", id="out")])


@app.callback(Input({"type": "btn", "index": MATCH}, "n_clicks"), State({"type": "btn", "index": MATCH}, "id"),
              prevent_initial_call=True)
def announce(n, id_):
    log("announce", n, id_)
    set_props("out", {"children": f"clicked index={id_['index']} ({n})"})


STEPS = [("click", {"type": "btn", "index": 1}), ("click", {"type": "btn", "index": 2}),
         ("click", {"type": "btn", "index": 2})]
