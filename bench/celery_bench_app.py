"""One app's source for bench/celery_vs_dash.py, on Dash or on propwire (BENCH_FRAMEWORK=dash|propwire), with
Celery as its background-callback manager: a job of 10 progress updates, each carrying the worker's clock, and an
empty job (`quick`) for jobs per second; BENCH_INTERVAL_MS is its `interval=` (Dash's polling period)."""

from __future__ import annotations

import os
import time

from celery import Celery

if os.environ.get("BENCH_FRAMEWORK") == "dash":
    from dash import CeleryManager, Dash, Input, Output, State, dcc, html
else:
    from propwire import CeleryManager, Dash, Input, Output, State, dcc, html

url = os.environ["BENCH_REDIS"]
celery_app = Celery("bench_" + os.environ.get("BENCH_FRAMEWORK", "propwire"), broker=url, backend=url)
app = Dash(__name__, background_callback_manager=CeleryManager(celery_app))
app.layout = html.Div([html.Button("go", id="go"), html.Div(id="bar"), html.Div(id="out"),
                       html.Button("q", id="q"), html.Div(id="qout"), dcc.Location(id="url")])


@app.callback(Output("out", "children"), Input("go", "n_clicks"), background=True, progress=Output("bar", "children"),
              prevent_initial_call=True)
def ticks(set_progress, n):
    for _ in range(10):
        time.sleep(0.2)
        set_progress(repr(time.time()))  # the worker's clock: the page, on the same machine, subtracts it
    return f"done {n}"


# The page's query string (each tab its own, ?tab=K) is read so that no two tabs start a job of the same
# arguments: Dash keys a job's result by them.
@app.callback(Output("qout", "children"), Input("q", "n_clicks"), State("url", "search"), background=True,
              prevent_initial_call=True, interval=int(os.environ.get("BENCH_INTERVAL_MS", "1000")))
def quick(n, search):
    return f"done {n}"  # an empty job: what is measured is the framework's way of starting and following it


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ["BENCH_PORT"]), debug=False)
