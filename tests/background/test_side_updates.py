"""Side updates of background jobs on both managers (the embedded one and Celery with a real worker): a job's
progress Output, its set_props and its running= values fire the callbacks that read them, as a user's change
does (Dash's sideUpdate notifies the prop's observers); a side update of a prop that is a `cancel=` Input stops
that callback's running job, as a user's change of it would (Dash's cancel callback fires on it too: the parity
apps side_set_props_cancel and side_progress_cancels_own_job)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import diskcache
import pytest

from propwire import DiskcacheManager
from propwire.testing import Client

from .apps import pid_alive, side_app, wait_for


@pytest.fixture(params=["diskcache", "celery"])
def setup(request: Any, tmp_path: Path) -> tuple[Any, Any, Path]:
    """(app, manager, folder the jobs write their pids to) on each manager."""
    if request.param == "diskcache":
        manager = DiskcacheManager(diskcache.Cache(str(tmp_path / "cache")))
        return side_app(manager, lambda: tmp_path), manager, tmp_path
    services = request.getfixturevalue("celery")
    from . import celery_apps

    return celery_apps.side_app, celery_apps.manager, services.folder


def start(client: Client, seconds: float) -> str:
    tag = uuid.uuid4().hex[:8]
    client.open("/")
    client.set_prop("seconds", "value", str(seconds))
    client.set_prop("tag", "value", tag)
    return tag


def shown(client: Client, key: str) -> list:
    """Every value the server's answers wrote to `key` during the last action, in order."""
    return [line["result"]["outputs"][key] for event in client._last for line in event.lines
            if "result" in line and key in line["result"]["outputs"]]


def test_a_jobs_progress_set_props_and_running_values_fire_their_readers(setup):
    app, _, _ = setup
    with Client(app) as client:
        start(client, 0.3)
        client.click("work")
        assert client.text("worked") == "worked 1"
        assert client.text("bar-echo") == "bar says half 1"
        assert client.text("note-echo") == "note says note 1"
        assert client.text("state-echo") == "state says idle"
        # the running= value at the start, then the one after, each read by its echo
        assert shown(client, "state-echo.children") == ["state says running", "state says idle"]
        assert client.errors() == []


def test_a_side_update_of_a_cancel_input_stops_that_callbacks_job(setup):
    app, manager, folder = setup
    with Client(app) as client:
        tag = start(client, 8.0)
        client.click("work", wait=False)
        pid = int(wait_for(lambda: (folder / f"side-{tag}-1").exists() and (folder / f"side-{tag}-1").read_text(),
                           what="the work job to start"))
        wait_for(lambda: client.text("bar") == "half 1", what="the work job's progress")
        client.click("halt")  # its job's set_props writes stop.n_clicks: work's cancel Input
        client.wait()
        assert client.text("halted") == "halted 1"
        assert client.text("worked") == "" and client.text("state") == "idle"
        wait_for(lambda: not pid_alive(pid), what="the work job's process to be killed")
        jobs = [line["job"]["id"] for event in client._rt.log for line in event.lines
                if "job" in line and not line["job"].get("ended")]
        assert sorted(manager.state(j)["status"] for j in jobs) == ["cancelled", "done"]
        assert client.errors() == []
