"""A newer run of a background callback stops its older job — per MATCH instance, as Dash keys a job by the
outputs it writes (its renderer sends `oldJob` only for a job with the same resolved outputs): on both managers,
through the headless client, real job processes (forked, or a Celery worker's pool)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from propwire.testing import Client

from .apps import match_app, pid_alive, wait_for

GO = [{"type": "go", "index": i} for i in (1, 2)]
OUT = [{"type": "out", "index": i} for i in (1, 2)]


@pytest.fixture(params=["diskcache", "celery"])
def setup(request: Any, tmp_path: Path) -> tuple[Any, Any, Path]:
    """(app, manager, folder the jobs write their files to) on each manager."""
    if request.param == "diskcache":
        app, manager = match_app(tmp_path)
        return app, manager, tmp_path
    services = request.getfixturevalue("celery")
    from . import celery_apps

    return celery_apps.match_app, celery_apps.manager, services.folder


def started_jobs(client: Client) -> list[str]:
    return [line["job"]["id"] for event in client._rt.log for line in event.lines
            if "job" in line and not line["job"].get("ended")]


def pid_of(folder: Path, tag: str, index: int, n: int) -> int:
    path = folder / f"pid-{tag}-{index}-{n}"
    return int(wait_for(lambda: path.exists() and path.read_text(), what=f"job {index}-{n} to start"))


def test_a_newer_run_of_one_match_instance_stops_only_that_instances_job(setup):
    app, manager, folder = setup
    tag = uuid.uuid4().hex[:8]
    with Client(app) as client:
        client.open("/")
        client.set_prop("seconds", "value", "2.5")
        client.set_prop("tag", "value", tag)
        client.click(GO[0], wait=False)
        first = pid_of(folder, tag, 1, 1)
        client.click(GO[1], wait=False)  # instance 2: instance 1's job runs on
        other = pid_of(folder, tag, 2, 1)
        assert pid_alive(first)
        client.click(GO[0], wait=False)  # instance 1 again: its older job is stopped
        client.wait()
        assert client.text(OUT[0]) == "done 1 2" and client.text(OUT[1]) == "done 2 1"
        assert client.errors() == []
        wait_for(lambda: not pid_alive(first), what="instance 1's first job to be killed")
        assert not (folder / f"done-{tag}-1-1").exists()  # stopped, not left to finish
        assert (folder / f"done-{tag}-2-1").exists() and other != first  # instance 2's job ran to its end
        statuses = sorted(manager.state(j)["status"] for j in started_jobs(client))
        assert statuses == ["cancelled", "done", "done"]
