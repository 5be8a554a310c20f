"""A background callback's progress Output is another callback's Input: each progress update the page gets
fires that callback (Dash's sideUpdate notifies the prop's observers), with the progress prop as triggered_id,
and its own Output chains on; the progress_default set at the job's end fires it once more."""
import tempfile
import time

import diskcache

from ._shim import Dash, DiskcacheManager, Input, Output, callback, ctx, html, log

app = Dash(__name__, background_callback_manager=DiskcacheManager(diskcache.Cache(tempfile.mkdtemp())))
app.layout = html.Div([html.Button("Run", id="run"), html.Div("none", id="bar"), html.Div(id="echo"),
                       html.Div(id="echo2"), html.Div(id="result")])


# interval: how often Dash's page polls the job; the job waits far longer between updates, so Dash's page sees
# every one of them (a poll gets only the latest progress, propwire's stream gets each).
@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          progress=Output("bar", "children"), progress_default="ended", interval=100)
def work(set_progress, n_clicks):
    log("work", n_clicks)
    for step in ("one", "two"):
        set_progress(f"{step} {n_clicks}")
        time.sleep(0.8)
    return f"done {n_clicks}"


@callback(Output("echo", "children"), Input("bar", "children"))
def echo(bar):
    log("echo", bar, ctx.triggered_id)
    return f"bar says {bar}"


@callback(Output("echo2", "children"), Input("echo", "children"))
def echo2(text):
    log("echo2", text, ctx.triggered_id)
    return f"echo says {text}"


STEPS = [
    ("click", "run"),
    ("click", "run"),
]
