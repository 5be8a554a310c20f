"""A background job's progress Output is its own `cancel=` Input: the progress value is a side update of that
prop, which stops the job as a user's change of it would (Dash's cancel callback fires on the side update)."""
import tempfile
import time

import diskcache

from ._shim import Dash, DiskcacheManager, Input, Output, callback, html, log

app = Dash(__name__, background_callback_manager=DiskcacheManager(diskcache.Cache(tempfile.mkdtemp())))
app.layout = html.Div([html.Button("Run", id="run"), html.Div("0", id="marker"), html.Div("none", id="result"),
                       html.Div("idle", id="state")])


@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          progress=Output("marker", "children"), cancel=Input("marker", "children"), interval=100,
          running=[(Output("state", "children"), "running", "idle")])
def run(set_progress, n_clicks):
    log("run", n_clicks)
    time.sleep(0.3)
    set_progress("1")
    time.sleep(3)
    return f"ran {n_clicks}"


STEPS = [
    ("click", "run"),
]
