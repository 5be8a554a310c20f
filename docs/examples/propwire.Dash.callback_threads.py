from propwire import Dash, Input, Output, html
from propwire.testing import Client

# at most 4 sync callbacks run at once in this process; more wait for a free thread
app = Dash(__name__, callback_threads=4)
app.layout = html.Div([html.Button("Go", id="go"), html.P(id="out")])


@app.callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
def work(n_clicks):
    return f"ran on a worker thread x{n_clicks}"


with Client(app).open() as client:
    client.click("go")
    assert client.text("out") == "ran on a worker thread x1"

try:
    Dash(__name__, callback_threads=0)
except ValueError as error:
    assert "callback_threads" in str(error)
