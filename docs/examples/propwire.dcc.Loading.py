import time

from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Load", id="load"),
    # the spinner covers the report while its `children` output is pending
    dcc.Loading(html.Div("not loaded", id="report"), id="spinner", type="circle", delay_show=100),
])


@app.callback(Output("report", "children"), Input("load", "n_clicks"), prevent_initial_call=True)
def load(n):
    time.sleep(0.2)
    return f"report {n}"


with Client(app).open() as client:
    client.click("load")
    assert client.snapshot()["report"] == {"text": "report 1"}  # at rest: the spinner is gone
