import tempfile

import diskcache

from propwire import Dash, DiskcacheManager, Input, Output, callback, html
from propwire.testing import Client

app = Dash(__name__, background_callback_manager=DiskcacheManager(diskcache.Cache(tempfile.mkdtemp())))
app.layout = html.Div([html.Button("Run", id="run"), html.P(id="progress"), html.P(id="result")])


# while the job runs the page shows its steps; once it ends, "idle"
@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          progress=Output("progress", "children"), progress_default="idle")
def report(set_progress, n_clicks):
    set_progress("working")
    return "done"


with Client(app).open() as client:
    client.click("run")
    assert client.text("progress") == "idle" and client.text("result") == "done"
