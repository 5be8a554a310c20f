import time

from propwire import Dash, Input, Output, callback, ctx, html
from propwire.testing import Client

app = Dash(__name__)
app.layout = html.Div([html.Button("Query", id="query"), html.P(id="rows")])


@callback(Output("rows", "children"), Input("query", "n_clicks"), prevent_initial_call=True)
def query(n_clicks):
    start = time.perf_counter()
    rows = sum(range(1000))  # the work to time
    # shows in the browser's network panel as Server-Timing: db;dur=...;desc="row count"
    ctx.record_timing("db", time.perf_counter() - start, "row count")
    try:
        ctx.record_timing("two words", 0.1)
    except ValueError:
        pass  # a name must be one token
    else:
        raise AssertionError("a name with a space was accepted")
    return rows


with Client(app).open() as client:
    client.click("query")
    assert client.text("rows") == "499500" and client.errors() == []
