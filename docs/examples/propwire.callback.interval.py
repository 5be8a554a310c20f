import tempfile
import time

import diskcache

from propwire import Dash, DiskcacheManager, Input, Output, callback, html
from propwire.testing import Client

manager = DiskcacheManager(diskcache.Cache(tempfile.mkdtemp()))
app = Dash(__name__, background_callback_manager=manager)
app.layout = html.Div([html.Button("Run", id="run"), html.P(id="step"), html.P(id="result")])


# the page gets every update at once; the job's record on disk (what another web worker reads) is written
# at most every 200 ms, and always when the job ends
@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          progress=Output("step", "children"), interval=200)
def report(set_progress, n_clicks):
    for step in range(1, 4):
        set_progress(f"step {step}")
        time.sleep(0.01)
    return "done"


with Client(app).open() as client:
    client.click("run")
    [key] = [k for k in manager.handle.iterkeys() if k.startswith("pw-job:")]
    assert manager.handle.get(key)["progress"] == {"step.children": "step 3"}
    assert client.text("step") == "step 3" and client.text("result") == "done"
