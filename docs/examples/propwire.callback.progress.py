import tempfile

import diskcache

from propwire import Dash, DiskcacheManager, Input, Output, callback, html
from propwire.testing import Client

app = Dash(__name__, background_callback_manager=DiskcacheManager(diskcache.Cache(tempfile.mkdtemp())))
app.layout = html.Div([html.Button("Run", id="run"), html.Progress(id="bar", max="4"), html.P(id="label"),
                       html.P(id="result")])


# two progress Outputs: set_progress (the first argument) takes one value for each, in order
@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          progress=[Output("bar", "value"), Output("label", "children")])
def report(set_progress, n_clicks):
    for step in range(1, 5):
        set_progress((str(step), f"step {step} of 4"))
    return "done"


with Client(app).open() as client:
    client.click("run")
    assert client.prop("bar", "value") == "4" and client.text("label") == "step 4 of 4"
    assert client.text("result") == "done"
