import threading

from propwire import Dash, Input, Output, html
from propwire.testing import Client

go_on = threading.Event()
app = Dash(__name__)
app.layout = html.Div([html.Button("Run", id="run"), html.P(id="out")])


@app.callback(Output("out", "children"), Input("run", "n_clicks"), prevent_initial_call=True)
def run(n_clicks):
    go_on.wait(10)
    return "finished"


with Client(app).open() as client:
    client.click("run", wait=False)  # returns at once; the callback is still running
    go_on.set()
    client.wait()  # until no event is running
    assert client.text("out") == "finished"
