"""Two instances of a pattern-matching background callback on CeleryManager (a Redis and a Celery worker of its
own on each side) run at once: a run of instance 2 does not stop instance 1's job, so both answer.

The button's id is a State so that the two calls' arguments differ: Dash keys a job's result by the callback's
arguments (not its outputs), and two instances called with equal arguments share one result key, whichever job
writes it last answering both (a race of Dash's, seen on its CeleryManager: instance 1 showed instance 2's result
and instance 2 nothing).
"""
import os
import time

from celery import Celery

from ._shim import MATCH, CeleryManager, Dash, Input, Output, State, callback, html, log

CELERY = True  # the harness starts a redis-server and a Celery worker for each framework (celery_services.py)
celery_app = Celery(__name__, broker=os.environ.get("PARITY_REDIS"), backend=os.environ.get("PARITY_REDIS"))
app = Dash(__name__, background_callback_manager=CeleryManager(celery_app))
app.layout = html.Div([part for i in (1, 2) for part in (html.Button(f"go {i}", id={"type": "go", "index": i}),
                                                         html.Div(id={"type": "out", "index": i}))])


@callback(Output({"type": "out", "index": MATCH}, "children"), Input({"type": "go", "index": MATCH}, "n_clicks"),
          State({"type": "go", "index": MATCH}, "id"),
          background=True, prevent_initial_call=True, interval=200)
def report(n_clicks, button):
    log("report", n_clicks, button["index"])
    time.sleep(1.0)
    return f"report {button['index']} run {n_clicks}"


STEPS = [
    ("click", {"type": "go", "index": 1}, {"wait": False}),
    ("click", {"type": "go", "index": 2}),
]
