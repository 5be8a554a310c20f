import tempfile
import time

import diskcache

from propwire import Dash, DiskcacheManager, Input, Output, callback, html
from propwire.testing import Client

app = Dash(__name__, background_callback_manager=DiskcacheManager(diskcache.Cache(tempfile.mkdtemp())))
app.layout = html.Div([html.Button("Run", id="run"), html.Button("Cancel", id="cancel"), html.P(id="step"),
                       html.P("not run", id="result")])


# a click on Cancel stops the job's process: the result keeps its value
@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          progress=Output("step", "children"), cancel=Input("cancel", "n_clicks"))
def report(set_progress, n_clicks):
    for step in range(100):
        set_progress(f"step {step}")
        time.sleep(0.1)
    return "done"


with Client(app).open() as client:
    client.click("run", wait=False)
    deadline = time.monotonic() + 10
    while not client.text("step") and time.monotonic() < deadline:  # the job's first update is on the page
        time.sleep(0.02)
    client.click("cancel")
    client.wait()
    assert client.text("result") == "not run"
