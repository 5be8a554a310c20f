"""The apps the Celery tests drive, at module level: the test process and the Celery worker both import this
module (`celery -A tests.background.celery_apps:celery_app worker`), so both declare the same background
callbacks and the worker has their tasks. The Redis URL comes from PROPWIRE_TEST_REDIS (the worker's
environment) or `configure()` (the test process); the folder jobs write their process ids to from
PROPWIRE_TEST_DIR. A job's length and a tag naming its files are States the test sets on the page."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from celery import Celery

from propwire import MATCH, CeleryManager, Dash, Input, Output, State, dcc, html

from .apps import match_job, match_layout
from .apps import side_app as make_side_app
from .docs_apps import docs_apps

celery_app = Celery("propwire_tests")


def configure(url: str) -> None:
    """Point the app at one Redis: broker, result backend, and so the manager's frames and records."""
    celery_app.conf.update(broker_url=url, result_backend=url, broker_connection_retry_on_startup=True,
                           worker_hijack_root_logger=False, task_track_started=True, result_expires=3600,
                           broker_transport_options={"visibility_timeout": 3600})


if os.environ.get("PROPWIRE_TEST_REDIS"):
    configure(os.environ["PROPWIRE_TEST_REDIS"])

manager = CeleryManager(celery_app)


def folder() -> Path:
    return Path(os.environ["PROPWIRE_TEST_DIR"])


# -- the job app: progress, running=, a cancel Input, a quick callback beside it ---------------------------------

job_app = Dash(__name__, background_callback_manager=manager)
job_app.layout = html.Div([
    html.Button("go", id="go"), html.Button("stop", id="stop"), html.Button("ping", id="ping"),
    dcc.Input(id="seconds", value="3"), dcc.Input(id="tag", value="none"),
    html.Div(id="out"), html.Div(id="bar"), html.Div(id="pong"), html.Div("idle", id="status")])


@job_app.callback(Output("out", "children"), Input("go", "n_clicks"), State("seconds", "value"),
                  State("tag", "value"), background=True, progress=Output("bar", "children"),
                  cancel=Input("stop", "n_clicks"), prevent_initial_call=True,
                  running=[(Output("go", "disabled"), True, False), (Output("status", "children"), "running", "idle")])
def job(set_progress: Any, n: int, seconds: str, tag: str) -> str:
    (folder() / f"pid-{tag}-{n}").write_text(str(os.getpid()))
    for i in range(1, 11):
        time.sleep(float(seconds) / 10)
        set_progress(f"{i}/10")
    (folder() / f"done-{tag}-{n}").write_text("")
    return f"done {n} in {os.getpid()}"


@job_app.callback(Output("pong", "children"), Input("ping", "n_clicks"), prevent_initial_call=True)
def pong(n: int) -> str:
    return f"pong {n}"


# -- Dash's background-callback guide, each example only its imports changed (docs_apps.py) ----------------------

docs = docs_apps(manager, folder)


# -- set_props from a job, and a manager with cache_by ----------------------------------------------------------

cached_manager = CeleryManager(celery_app, cache_by=[lambda: "v1"], expire=600)
props_app = Dash(__name__, background_callback_manager=cached_manager)
props_app.layout = html.Div([html.Button("go", id="go"), dcc.Input(id="word", value="a"), html.Div(id="out"),
                             html.Div(id="note")])


@props_app.callback(Output("out", "children"), Input("go", "n_clicks"), State("word", "value"), background=True,
                    prevent_initial_call=True, cache_args_to_ignore=[0])
def noted(n: int, word: str) -> str:
    from propwire import ctx, set_props

    for i in range(1, 4):
        set_props("note", {"children": f"{word} {i}"})
        time.sleep(0.05)
    return f"{word} from {ctx.triggered_id} in {os.getpid()}"  # the call's ctx, read in the worker


# -- a pattern-matching job: a newer run of one instance supersedes only that instance's job ---------------------

match_app = Dash(__name__, background_callback_manager=manager)
match_app.layout = match_layout(html, dcc)


@match_app.callback(Output({"type": "out", "index": MATCH}, "children"),
                    Input({"type": "go", "index": MATCH}, "n_clicks"), State("seconds", "value"),
                    State("tag", "value"), background=True, prevent_initial_call=True)
def match(n: int, seconds: str, tag: str) -> str:
    from propwire import ctx

    return match_job(folder(), ctx.triggered_id["index"], n, seconds, tag)


# -- side updates over Celery: a job's progress, set_props and running= values fire their readers ---------------

side_app = make_side_app(manager, folder)


# -- a queue timeout of 2 s (the web side's setting: the worker never reads it) ----------------------------------

queue_manager = CeleryManager(celery_app, queue_timeout=2.0)
queue_app = Dash(__name__, background_callback_manager=queue_manager)
queue_app.layout = html.Div([html.Button("go", id="go"), dcc.Input(id="tag", value="none"), html.Div(id="out"),
                             html.Div("idle", id="status")])


@queue_app.callback(Output("out", "children"), Input("go", "n_clicks"), State("tag", "value"), background=True,
                    running=[(Output("status", "children"), "running", "idle")], prevent_initial_call=True)
def queued_job(n: int, tag: str) -> str:
    (folder() / f"queued-{tag}-{n}").write_text(str(os.getpid()))
    return f"ran {n}"
