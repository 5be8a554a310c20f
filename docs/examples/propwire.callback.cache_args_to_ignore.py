import os
import tempfile

import diskcache

from propwire import Dash, DiskcacheManager, Input, Output, State, callback, dcc, html
from propwire.testing import Client

# with cache_by, a call whose arguments were seen before is answered from the cache, without a job; the
# ignored argument (the click count) does not count
manager = DiskcacheManager(diskcache.Cache(tempfile.mkdtemp()), cache_by=[lambda: "data-v1"], expire=60)
app = Dash(__name__, background_callback_manager=manager)
app.layout = html.Div([dcc.Input(id="city", value="Oslo"), html.Button("Run", id="run"), html.P(id="result")])


@callback(Output("result", "children"), Input("run", "n_clicks"), State("city", "value"), background=True,
          prevent_initial_call=True, cache_args_to_ignore=[0])
def report(n_clicks, city):
    return f"{city} by {os.getpid()}"


with Client(app).open() as client:
    client.click("run")
    first = client.text("result")
    client.click("run")
    assert client.text("result") == first  # the same process id: the cached answer
    assert len([k for k in manager.handle.iterkeys() if k.startswith("pw-job:")]) == 1
