import time

from propwire import Dash, Input, Output, callback, html
from propwire.testing import Client

app = Dash(__name__, callback_timeout=60)
app.layout = html.Div([html.Button("Run", id="run"), html.P(id="out")])


@callback(Output("out", "children"), Input("run", "n_clicks"), prevent_initial_call=True, timeout=0.2,
          on_error=lambda error: type(error).__name__)
def report(n_clicks):
    time.sleep(1)  # this callback's own limit is 0.2 s, whatever the app's
    return "done"


with Client(app).open() as client:
    client.click("run")
    assert client.text("out") == "CallbackTimeout"
