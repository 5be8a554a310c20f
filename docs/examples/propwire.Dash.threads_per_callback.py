from propwire import Dash, Input, Output, html
from propwire.testing import Client

# one callback may hold at most 2 of the 8 threads, however many users click at once
app = Dash(__name__, callback_threads=8, threads_per_callback=2)
app.layout = html.Div([html.Button("Go", id="go"), html.P(id="out")])


@app.callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
def work(n_clicks):
    return f"done x{n_clicks}"


with Client(app).open() as client:
    client.click("go")
    assert client.text("out") == "done x1"
