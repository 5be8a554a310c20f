"""A MATCH Input with a plain-id Output: whichever button is clicked writes the one div."""
from ._shim import MATCH, Dash, Input, Output, State, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("Alpha", id={"type": "btn", "index": "alpha"}),
                       html.Button("Beta", id={"type": "btn", "index": "beta"}), html.Div("initial", id="out")])


@app.callback(Output("out", "children"), Input({"type": "btn", "index": MATCH}, "n_clicks"),
              State({"type": "btn", "index": MATCH}, "id"), prevent_initial_call=True)
def show_clicked(n, id_):
    log("show_clicked", n, id_)
    return f"clicked {id_['index']} ({n})"


STEPS = [("click", {"type": "btn", "index": "alpha"}), ("click", {"type": "btn", "index": "beta"}),
         ("click", {"type": "btn", "index": "alpha"})]
