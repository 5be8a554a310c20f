"""The scenarios of Dash's background-callback guide (dash.plotly.com/background-callbacks), each written as an
app a Dash user would have, only the imports changed (docs_apps.py), driven headless on both managers: the
embedded DiskcacheManager (jobs forked from the test process) and CeleryManager (a real redis-server and Celery
worker, the jobs in its pool): a slow job, a button disabled while it runs, a cancel button, a progress bar
(value and max), and a progress Output holding a figure."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import diskcache
import pytest

from propwire import Dash, DiskcacheManager
from propwire.testing import Client

from .apps import pid_alive, wait_for
from .docs_apps import docs_apps


@pytest.fixture(params=["diskcache", "celery"])
def docs(request: Any, tmp_path: Path) -> tuple[dict[str, Dash], Path]:
    """(the guide's apps by name, the folder their jobs write to) on each manager."""
    if request.param == "diskcache":
        manager = DiskcacheManager(diskcache.Cache(str(tmp_path / "cache")))
        return docs_apps(manager, lambda: tmp_path), tmp_path
    services = request.getfixturevalue("celery")
    from . import celery_apps

    return celery_apps.docs, services.folder


def test_a_slow_job_counts_the_clicks(docs):
    apps, _ = docs
    with Client(apps["count"]) as client:
        client.open("/")
        assert client.text("paragraph") == "Clicked None times"  # its initial call ran as a job too
        client.click("button")
        assert client.text("paragraph") == "Clicked 1 times"


def test_the_button_is_disabled_while_its_job_runs(docs):
    apps, _ = docs
    with Client(apps["slow"]) as client:
        client.open("/")
        client.click("button", wait=False)
        wait_for(lambda: client.prop("button", "disabled") is True, what="the button to be disabled")
        client.wait()
        assert client.prop("button", "disabled") is False and client.text("paragraph") == "Clicked 1 times"


def test_a_cancel_button_stops_the_job(docs):
    apps, folder = docs
    pid_file = folder / "cancel-pid"
    pid_file.unlink(missing_ok=True)
    with Client(apps["cancel"]) as client:
        client.open("/")
        client.click("run", wait=False)
        wait_for(lambda: client.text("started") == "started", what="the job to start")
        assert client.prop("cancel", "disabled") is False
        client.click("cancel")
        client.wait()
        wait_for(lambda: not pid_alive(int(pid_file.read_text())), what="the job's process to be killed")
        assert client.text("paragraph") == "Button not clicked"  # stopped, not waited out (it sleeps 10 s)
        assert client.prop("run", "disabled") is False and client.prop("cancel", "disabled") is True


def test_a_progress_bar_takes_value_and_max(docs):
    apps, _ = docs
    with Client(apps["bar"]) as client:
        client.open("/")
        client.click("button")
        assert client.prop("progress_bar", "value") == "5" and client.prop("progress_bar", "max") == "5"
        assert client.prop("progress_bar", "style") == {"visibility": "hidden"}
        assert client.prop("paragraph", "style") == {"visibility": "visible"}
        assert client.text("paragraph") == "Clicked 1 times"


def test_a_progress_output_can_hold_a_figure(docs):
    apps, _ = docs
    with Client(apps["graph"]) as client:
        client.open("/")
        client.click("button")
        figures = [line["progress"]["outputs"]["progress_bar_graph.figure"] for event in client._last
                   for line in event.lines if "progress" in line]
        assert [f["data"][0]["x"] for f in figures] == [[i * 10] for i in range(1, 11)] + [[0]]
        assert client.prop("progress_bar_graph", "figure")["data"][0]["x"] == [0]  # progress_default at the end
        assert client.text("paragraph") == "Clicked 1 times"
