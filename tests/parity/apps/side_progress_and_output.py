"""One click runs a plain callback writing a prop and a background job whose progress writes the same prop; a
third callback reads it: it fires for the plain callback's Output and again for each progress update."""
import tempfile
import time

import diskcache

from ._shim import Dash, DiskcacheManager, Input, Output, callback, ctx, html, log

app = Dash(__name__, background_callback_manager=DiskcacheManager(diskcache.Cache(tempfile.mkdtemp())))
app.layout = html.Div([html.Button("Run", id="run"), html.Div("none", id="bar"), html.Div(id="echo"),
                       html.Div(id="result")])


@callback(Output("bar", "children"), Input("run", "n_clicks"), prevent_initial_call=True)
def reset(n_clicks):
    log("reset", n_clicks)
    return f"queued {n_clicks}"


@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          progress=Output("bar", "children"), interval=100)
def work(set_progress, n_clicks):
    log("work", n_clicks)
    time.sleep(0.6)
    set_progress(f"half {n_clicks}")
    time.sleep(0.8)
    return f"done {n_clicks}"


@callback(Output("echo", "children"), Input("bar", "children"), prevent_initial_call=True)
def echo(bar):
    log("echo", bar, ctx.triggered_id)
    return f"bar says {bar}"


STEPS = [
    ("click", "run"),
]
