"""A background callback with progress, running= and progress_default on DiskcacheManager: the final page
(the result, the progress Output's default, the running props set back) and the call log match Dash's."""
import tempfile
import time

import diskcache

from ._shim import Dash, DiskcacheManager, Input, Output, callback, html, log

app = Dash(__name__, background_callback_manager=DiskcacheManager(diskcache.Cache(tempfile.mkdtemp())))
app.layout = html.Div([html.Button("Run", id="run"), html.Div("idle", id="status"), html.Div(id="bar"),
                       html.Div(id="result")])


@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          progress=Output("bar", "children"), progress_default="no job",
          running=[(Output("run", "disabled"), True, False), (Output("status", "children"), "running", "idle")])
def report(set_progress, n_clicks):
    log("report", n_clicks)
    for step in range(1, 6):
        set_progress(f"step {step} of 5")
        time.sleep(0.1)
    return f"report {n_clicks} ready"


STEPS = [
    ("click", "run"),
    ("click", "run"),
]
