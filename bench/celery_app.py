"""The app bench/celery_progress.py measures, imported by it and by the Celery worker it starts
(`celery -A celery_app:celery_app worker`): a job that sends its clock with each progress update, and an empty one."""

from __future__ import annotations

import os
import time

from celery import Celery

from propwire import CeleryManager, Dash, Input, Output, html

celery_app = Celery("propwire_bench")
if os.environ.get("PROPWIRE_BENCH_REDIS"):
    url = os.environ["PROPWIRE_BENCH_REDIS"]
    celery_app.conf.update(broker_url=url, result_backend=url, worker_hijack_root_logger=False)
manager = CeleryManager(celery_app)
app = Dash(__name__, background_callback_manager=manager)
app.layout = html.Div([html.Button(id="go"), html.Div(id="bar"), html.Div(id="out"), html.Button(id="empty"),
                       html.Div(id="none")])


@app.callback(Output("out", "children"), Input("go", "n_clicks"), background=True, progress=Output("bar", "children"),
              prevent_initial_call=True)
def ticks(set_progress, n):
    for _ in range(10):
        time.sleep(0.05)
        set_progress(time.time())  # the worker's clock: the follower, on the same machine, subtracts it from its own
    return "done"


@app.callback(Output("none", "children"), Input("empty", "n_clicks"), background=True, prevent_initial_call=True)
def empty(n):
    return n
