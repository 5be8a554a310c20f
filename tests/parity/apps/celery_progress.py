"""A background callback on CeleryManager (Redis and a Celery worker of its own on each side): progress,
running= and progress_default; the final page and the call log (written by the worker) match Dash's."""
import os
import time

from celery import Celery

from ._shim import CeleryManager, Dash, Input, Output, callback, html, log

CELERY = True  # the harness starts a redis-server and a Celery worker for each framework (celery_services.py)
celery_app = Celery(__name__, broker=os.environ.get("PARITY_REDIS"), backend=os.environ.get("PARITY_REDIS"))
app = Dash(__name__, background_callback_manager=CeleryManager(celery_app))
app.layout = html.Div([html.Button("Run", id="run"), html.Div("idle", id="status"), html.Div(id="bar"),
                       html.Div(id="result")])


@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          progress=Output("bar", "children"), progress_default="no job", interval=200,
          running=[(Output("run", "disabled"), True, False), (Output("status", "children"), "running", "idle")])
def report(set_progress, n_clicks):
    log("report", n_clicks)
    for step in range(1, 6):
        set_progress(f"step {step} of 5")
        time.sleep(0.1)
    return f"report {n_clicks} ready"


STEPS = [
    ("click", "run"),
    ("click", "run"),
]
