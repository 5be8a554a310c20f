"""The background-callback apps the tests drive: a job with progress, running=, a cancel Input, and a quick
callback beside it; every job writes its process id to a file, so a test can find (and kill) its process."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import diskcache

from propwire import Dash, DiskcacheManager, Input, Output, html


def wait_for(check: Any, timeout: float = 15.0, what: str = "the condition") -> Any:
    """Poll `check` until it returns something truthy (tests only wait on what they cannot be told)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def pid_alive(pid: int) -> bool:
    """Whether a process runs with this id (a zombie not yet reaped counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def job_app(folder: Path, seconds: float = 3.0, steps: int = 10, ack: bool = False,
            on_error: Any = None) -> tuple[Dash, DiskcacheManager]:
    """An app whose 'go' button starts a job of `steps` progress updates over `seconds`; with `ack`, the job
    waits after each update until the test has written `ack-<i>` (it has seen update i on the page)."""
    manager = DiskcacheManager(diskcache.Cache(str(folder / "cache")))
    app = Dash(__name__, background_callback_manager=manager, on_error=on_error)
    app.layout = html.Div([html.Button("go", id="go"), html.Button("stop", id="stop"), html.Button("ping", id="ping"),
                           html.Div(id="out"), html.Div(id="bar"), html.Div(id="pong"), html.Div("idle", id="status")])

    @app.callback(Output("out", "children"), Input("go", "n_clicks"), background=True,
                  progress=Output("bar", "children"), cancel=Input("stop", "n_clicks"),
                  running=[(Output("go", "disabled"), True, False), (Output("status", "children"), "running", "idle")],
                  prevent_initial_call=True)
    def job(set_progress: Any, n: int) -> str:
        (folder / f"pid-{n}").write_text(str(os.getpid()))
        for i in range(1, steps + 1):
            time.sleep(seconds / steps)
            set_progress(f"{i}/{steps}")
            if ack:
                ack_file = folder / f"ack-{i}"
                wait_for(ack_file.exists, what=f"the test to see update {i}")
        return f"done {n}"

    @app.callback(Output("pong", "children"), Input("ping", "n_clicks"), prevent_initial_call=True)
    def pong(n: int) -> str:
        return f"pong {n}"

    return app, manager


def job_ids(manager: DiskcacheManager) -> list[str]:
    """The ids of the jobs the manager has a record of."""
    return [k.split(":", 1)[1] for k in manager.handle.iterkeys() if str(k).startswith("pw-job:")]


def pid_of(folder: Path, n: int) -> int:
    return int(wait_for(lambda: (folder / f"pid-{n}").exists() and (folder / f"pid-{n}").read_text(),
                        what=f"job {n} to start"))


def match_layout(html: Any, dcc: Any) -> Any:
    """Two instances of a pattern-matching job ({"type": "go", "index": 1|2}), a job's length and a tag naming its
    files as inputs the test sets (the Celery and the embedded apps share it)."""
    return html.Div([dcc.Input(id="seconds", value="2"), dcc.Input(id="tag", value="none"),
                     *[part for i in (1, 2) for part in (html.Button(f"go {i}", id={"type": "go", "index": i}),
                                                         html.Div(id={"type": "out", "index": i}))]])


def match_job(folder: Path, index: int, n: int, seconds: str, tag: str) -> str:
    """The pattern-matching job's body: its pid in `pid-<tag>-<index>-<n>`, then `done-...` when it finishes."""
    (folder / f"pid-{tag}-{index}-{n}").write_text(str(os.getpid()))
    time.sleep(float(seconds))
    (folder / f"done-{tag}-{index}-{n}").write_text("")
    return f"done {index} {n}"


def match_app(folder: Path) -> tuple[Dash, DiskcacheManager]:
    """match_layout's app on DiskcacheManager (celery_apps.match_app is the same on CeleryManager)."""
    from propwire import MATCH, State, ctx, dcc

    manager = DiskcacheManager(diskcache.Cache(str(folder / "cache")))
    app = Dash(__name__, background_callback_manager=manager)
    app.layout = match_layout(html, dcc)

    @app.callback(Output({"type": "out", "index": MATCH}, "children"), Input({"type": "go", "index": MATCH}, "n_clicks"),
                  State("seconds", "value"), State("tag", "value"), background=True, prevent_initial_call=True)
    def match(n: int, seconds: str, tag: str) -> str:
        return match_job(folder, ctx.triggered_id["index"], n, seconds, tag)

    return app, manager


def side_app(manager: Any, folder: Any) -> Dash:
    """Side updates on a manager: a job whose progress, set_props and running= values are other callbacks'
    Inputs (each echoes what it read), and a second job whose set_props writes the first one's cancel= Input.
    `folder()` is where the jobs write their pids (`side-<tag>-<n>`). The Celery app (celery_apps.side_app)
    is this one on CeleryManager."""
    from propwire import State, dcc, set_props

    app = Dash(__name__, background_callback_manager=manager)
    app.layout = html.Div([html.Button("work", id="work"), html.Button("halt", id="halt"), html.Button("stop", id="stop"),
                           dcc.Input(id="seconds", value="0.3"), dcc.Input(id="tag", value="none"),
                           html.Div(id="bar"), html.Div(id="note"), html.Div("idle", id="state"), html.Div(id="worked"),
                           html.Div(id="halted"), html.Div(id="bar-echo"), html.Div(id="note-echo"),
                           html.Div(id="state-echo")])

    @app.callback(Output("worked", "children"), Input("work", "n_clicks"), State("seconds", "value"),
                  State("tag", "value"), background=True, progress=Output("bar", "children"),
                  cancel=Input("stop", "n_clicks"), running=[(Output("state", "children"), "running", "idle")],
                  prevent_initial_call=True)
    def work(set_progress: Any, n: int, seconds: str, tag: str) -> str:
        (folder() / f"side-{tag}-{n}").write_text(str(os.getpid()))
        set_props("note", {"children": f"note {n}"})
        set_progress(f"half {n}")
        time.sleep(float(seconds))
        return f"worked {n}"

    @app.callback(Output("halted", "children"), Input("halt", "n_clicks"), background=True, prevent_initial_call=True)
    def halt(n: int) -> str:
        set_props("stop", {"n_clicks": n})  # the work job's cancel= Input, written on the side
        return f"halted {n}"

    for source in ("bar", "note", "state"):
        @app.callback(Output(f"{source}-echo", "children"), Input(source, "children"), prevent_initial_call=True)
        def echo(value: Any, source: str = source) -> str:
            return f"{source} says {value}"

    return app
