import tempfile

import diskcache

from propwire import Dash, DiskcacheManager, Input, Output, callback, html
from propwire.testing import Client

# a manager of its own for this callback: the app has none (its other callbacks run as usual)
reports = DiskcacheManager(diskcache.Cache(tempfile.mkdtemp()))
app = Dash(__name__)
app.layout = html.Div([html.Button("Run", id="run"), html.P(id="result")])


@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, manager=reports,
          prevent_initial_call=True)
def report(n_clicks):
    return f"report {n_clicks}"


with Client(app).open() as client:
    client.click("run")
    assert client.text("result") == "report 1"
    assert len([k for k in reports.handle.iterkeys() if k.startswith("pw-job:")]) == 1  # it ran as its job
