"""Dash's cancel example on CeleryManager (a Redis and a Celery worker of its own on each side): the job's first
progress update enables the Cancel button (so the page knows the job by then), whose click stops the job; its
Output keeps its value and its running= props go back."""
import os
import time

from celery import Celery

from ._shim import CeleryManager, Dash, Input, Output, callback, html, log

CELERY = True  # the harness starts a redis-server and a Celery worker for each framework (celery_services.py)
celery_app = Celery(__name__, broker=os.environ.get("PARITY_REDIS"), backend=os.environ.get("PARITY_REDIS"))
app = Dash(__name__, background_callback_manager=CeleryManager(celery_app))
app.layout = html.Div([html.P("Button not clicked", id="paragraph"), html.Button("Run Job!", id="run"),
                       html.Button("Cancel", id="cancel", disabled=True), html.P("idle", id="state")])


@callback(Output("paragraph", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          progress=Output("cancel", "disabled"), cancel=Input("cancel", "n_clicks"), interval=200,
          running=[(Output("run", "disabled"), True, False), (Output("state", "children"), "running", "idle")])
def cancellable(set_progress, n_clicks):
    log("cancellable", n_clicks)
    set_progress(False)
    time.sleep(10)
    return f"Clicked {n_clicks} times"


STEPS = [
    ("click", "run", {"wait": False}),
    ("click", "cancel"),
]
