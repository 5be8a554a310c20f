import os
import tempfile

import diskcache

from propwire import Dash, DiskcacheManager, Input, Output, callback, html
from propwire.testing import Client

# jobs run in worker processes forked from the web worker; their records live in the cache's folder on disk
manager = DiskcacheManager(diskcache.Cache(tempfile.mkdtemp()))
app = Dash(__name__, background_callback_manager=manager)
app.layout = html.Div([html.Button("Where", id="where"), html.P(id="pid")])


@callback(Output("pid", "children"), Input("where", "n_clicks"), background=True, prevent_initial_call=True)
def where(n_clicks):
    return str(os.getpid())


with Client(app).open() as client:
    client.click("where")
    assert client.text("pid") != str(os.getpid())  # not this process: a job process of its own
    [key] = [k for k in manager.handle.iterkeys() if k.startswith("pw-job:")]
    assert manager.state(key.split(":", 1)[1])["status"] == "done"
