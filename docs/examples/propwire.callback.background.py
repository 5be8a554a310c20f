import tempfile
import time

import diskcache

from propwire import Dash, DiskcacheManager, Input, Output, callback, html
from propwire.testing import Client

# the job runs in a worker process of its own; its progress reaches the page as it is set (docs/background.md)
app = Dash(__name__, background_callback_manager=DiskcacheManager(diskcache.Cache(tempfile.mkdtemp())))
app.layout = html.Div([html.Button("Run", id="run"), html.Button("Cancel", id="cancel"),
                       html.P(id="progress"), html.P(id="result")])


@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          progress=Output("progress", "children"), progress_default="idle", cancel=Input("cancel", "n_clicks"),
          running=[(Output("run", "disabled"), True, False)])
def report(set_progress, n_clicks):
    for step in range(1, 4):
        time.sleep(0.05)
        set_progress(f"step {step} of 3")
    return f"report {n_clicks} ready"


with Client(app).open() as client:
    client.click("run")
    # each step was on the page as the job set it; once it ended, progress_default stands
    assert client.text("progress") == "idle"
    assert client.text("result") == "report 1 ready" and client.prop("run", "disabled") is False
