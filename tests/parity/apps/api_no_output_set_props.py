"""A callback without any Output (Dash >= 2.17) acts through set_props: it runs at load and on each click."""
from ._shim import Dash, Input, State, callback, html, log, set_props

app = Dash(__name__)
app.layout = html.Div([html.Button("Go", id="go"), html.Div(id="out"), html.Div(id="count")])


@callback(Input("go", "n_clicks"), State("out", "children"))
def act(n, shown):
    log("act", n, shown)
    set_props("out", {"children": f"clicked {n}"})
    set_props("count", {"children": str((n or 0) * 10)})


STEPS = [
    ("click", "go"),
    ("click", "go"),
]
