import time

from propwire import Dash, Input, Output, callback, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Work", id="work"), html.P(id="result")])


# the button is disabled as the call starts (the browser shows it at once) and enabled when it ends
@callback(Output("result", "children"), Input("work", "n_clicks"), prevent_initial_call=True,
          running=[(Output("work", "disabled"), True, False)])
def work(n_clicks):
    time.sleep(0.1)
    return "done"


with Client(app).open() as client:
    client.click("work")
    assert client.prop("work", "disabled") is False and client.text("result") == "done"
