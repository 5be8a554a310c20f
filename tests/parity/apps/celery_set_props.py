"""set_props inside a background job on CeleryManager (a Redis and a Celery worker of its own on each side)
writes another callback's Input: the page applies it as the job runs and fires that callback, which chains on."""
import os
import time

from celery import Celery

from ._shim import CeleryManager, Dash, Input, Output, callback, html, log, set_props

CELERY = True  # the harness starts a redis-server and a Celery worker for each framework (celery_services.py)
celery_app = Celery(__name__, broker=os.environ.get("PARITY_REDIS"), backend=os.environ.get("PARITY_REDIS"))
app = Dash(__name__, background_callback_manager=CeleryManager(celery_app))
app.layout = html.Div([html.Button("Run", id="run"), html.Div("none", id="note"), html.Div(id="echo"),
                       html.Div(id="result")])


@callback(Output("result", "children"), Input("run", "n_clicks"), background=True, prevent_initial_call=True,
          interval=100)
def work(n_clicks):
    log("work", n_clicks)
    set_props("note", {"children": f"first {n_clicks}"})
    time.sleep(0.8)
    set_props("note", {"children": f"second {n_clicks}"})
    time.sleep(0.8)
    return f"done {n_clicks}"


@callback(Output("echo", "children"), Input("note", "children"), prevent_initial_call=True)
def echo(note):
    log("echo", note)
    return f"note says {note}"


STEPS = [
    ("click", "run"),
]
