import time

from propwire import Dash, Input, Output, html
from propwire.exceptions import CallbackTimeout
from propwire.testing import Client

app = Dash(__name__, callback_timeout=0.2,
           on_error=lambda error: "too slow" if isinstance(error, CallbackTimeout) else None)
app.layout = html.Div([html.Button("Run", id="run"), html.P(id="out")])


@app.callback(Output("out", "children"), Input("run", "n_clicks"), prevent_initial_call=True)
def slow(n_clicks):
    time.sleep(1)  # past the 0.2 s limit: the call fails with CallbackTimeout
    return "done"


with Client(app).open() as client:
    client.click("run")
    assert client.text("out") == "too slow"
