"""One app's source for bench/celery_vs_dash.py, on Dash or on propwire (BENCH_FRAMEWORK=dash|propwire), with
Celery as its background-callback manager: a job of 10 progress updates, each carrying the worker's clock."""

from __future__ import annotations

import os
import time

from celery import Celery

if os.environ.get("BENCH_FRAMEWORK") == "dash":
    from dash import CeleryManager, Dash, Input, Output, html
else:
    from propwire import CeleryManager, Dash, Input, Output, html

url = os.environ["BENCH_REDIS"]
celery_app = Celery("bench_" + os.environ.get("BENCH_FRAMEWORK", "propwire"), broker=url, backend=url)
app = Dash(__name__, background_callback_manager=CeleryManager(celery_app))
app.layout = html.Div([html.Button("go", id="go"), html.Div(id="bar"), html.Div(id="out")])


@app.callback(Output("out", "children"), Input("go", "n_clicks"), background=True, progress=Output("bar", "children"),
              prevent_initial_call=True)
def ticks(set_progress, n):
    for _ in range(10):
        time.sleep(0.2)
        set_progress(repr(time.time()))  # the worker's clock: the page, on the same machine, subtracts it
    return f"done {n}"


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ["BENCH_PORT"]), debug=False)
