"""dcc.Loading around a slow callback's output: the spinner covers the children while the output is pending and
is gone once it arrives (the page is compared at rest); a Loading whose target_components name another prop
keeps showing its children."""
import time

from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Load", id="btn"),
    dcc.Loading(html.Div("nothing yet", id="out"), id="spin", type="circle"),
    dcc.Loading(html.Div(id="other"), id="targeted", target_components={"other": "title"}, delay_show=50),
])


@callback(Output("out", "children"), Output("other", "children"), Input("btn", "n_clicks"),
          prevent_initial_call=True)
def slow(n):
    log("slow", n)
    time.sleep(0.3)
    return f"loaded {n}", f"other {n}"


STEPS = [
    ("click", "btn"),
    ("click", "btn"),
]
