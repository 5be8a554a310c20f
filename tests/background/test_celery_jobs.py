"""Background callbacks on CeleryManager through the headless client: a real redis-server and a real Celery
worker process (tests/background/conftest.py), the jobs running in the worker's pool processes."""

from __future__ import annotations

import os
import uuid

from propwire.testing import Client

from .apps import pid_alive, wait_for
from .celery_apps import job_app, manager


def progress_values(client: Client) -> list:
    return [line["progress"]["outputs"]["bar.children"] for event in client._last for line in event.lines
            if "progress" in line]


def start(client: Client, seconds: float) -> str:
    tag = uuid.uuid4().hex[:8]
    client.open("/")
    client.set_prop("seconds", "value", str(seconds))
    client.set_prop("tag", "value", tag)
    return tag


def test_every_progress_update_arrives_in_order_then_the_result(celery):
    with Client(job_app) as client:
        start(client, 0.5)
        client.click("go")
        assert progress_values(client) == [f"{i}/10" for i in range(1, 11)]
        assert client.text("out").startswith("done 1 in ")
        assert client.text("out") != f"done 1 in {os.getpid()}"  # ran in the worker, not here
        assert client.text("bar") == "10/10"
        assert client.errors() == []
