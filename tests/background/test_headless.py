"""Background callbacks through the headless client: real job processes forked by the app, no mocks."""

from __future__ import annotations

import os
import signal

import diskcache

from propwire import DiskcacheManager
from propwire.testing import Client

from .apps import job_app, job_ids, pid_alive, pid_of, wait_for


def progress_values(client: Client) -> list:
    return [line["progress"]["outputs"]["bar.children"] for event in client._last for line in event.lines
            if "progress" in line]


def test_every_progress_update_arrives_in_order_then_the_result(tmp_path):
    app, _ = job_app(tmp_path, seconds=0.5)
    with Client(app) as client:
        client.open("/")
        client.click("go")
        assert progress_values(client) == [f"{i}/10" for i in range(1, 11)]
        assert client.text("out") == "done 1"
        assert client.text("bar") == "10/10"
        assert client.errors() == []


def test_a_3_second_job_leaves_the_page_responsive_and_running_props_toggle(tmp_path):
    app, manager = job_app(tmp_path, seconds=3.0)
    with Client(app) as client:
        client.open("/")
        assert client.prop("go", "disabled") is None and client.text("status") == "idle"
        client.click("go", wait=False)
        pid = pid_of(tmp_path, 1)
        client.click("ping", wait=False)
        wait_for(lambda: client.text("pong") == "pong 1", what="the quick callback's answer")
        assert client.text("out") == "" and pid_alive(pid)  # answered while the job still runs
        client.wait()
        assert client.text("out") == "done 1"
        assert client.prop("go", "disabled") is False and client.text("status") == "idle"
        assert [manager.state(j)["status"] for j in job_ids(manager)] == ["done"]


def test_a_cancel_input_stops_the_jobs_process(tmp_path):
    app, manager = job_app(tmp_path, seconds=5.0)
    with Client(app) as client:
        client.open("/")
        client.click("go", wait=False)
        pid = pid_of(tmp_path, 1)
        wait_for(lambda: client.text("bar"), what="the first progress update")  # the page knows the job by then
        client.click("stop", wait=False)
        client.wait()
        assert client.text("out") == ""  # its outputs keep their values
        assert client.prop("go", "disabled") is False
        assert not pid_alive(pid)
        assert [manager.state(j)["status"] for j in job_ids(manager)] == ["cancelled"]
        assert [c.status for c in client.calls() if c.name == "job"] == []  # the cancel event ran no callback
        assert client.errors() == []


def test_a_newer_run_of_the_callback_replaces_its_running_job(tmp_path):
    app, manager = job_app(tmp_path, seconds=2.0)
    with Client(app) as client:
        client.open("/")
        client.click("go", wait=False)
        first = pid_of(tmp_path, 1)
        wait_for(lambda: client.text("bar"), what="the first progress update")
        client.set_prop("go", "n_clicks", 2, wait=False)  # the button is disabled while it runs: set it as code would
        client.wait()
        assert client.text("out") == "done 2"
        assert not pid_alive(first)
        statuses = sorted(manager.state(j)["status"] for j in job_ids(manager))
        assert statuses == ["cancelled", "done"]  # one run per trigger: the first stopped, not run twice


def test_two_tabs_run_jobs_at_once(tmp_path):
    app, manager = job_app(tmp_path, seconds=1.5)
    with Client(app) as one, Client(app) as two:
        one.open("/")
        two.open("/")
        one.click("go", wait=False)
        two.click("go", wait=False)
        wait_for(lambda: two.text("bar"), what="the second tab's first progress update")
        two.set_prop("go", "n_clicks", 2, wait=False)  # the second tab's newer run replaces only its own job
        one.wait()
        two.wait()
        assert one.text("out") == "done 1" and two.text("out") == "done 2"
        assert sorted(manager.state(j)["status"] for j in job_ids(manager)) == ["cancelled", "done", "done"]


def test_a_job_process_killed_with_sigkill_is_a_clear_error_not_a_spinner(tmp_path):
    app, manager = job_app(tmp_path, seconds=5.0)
    with Client(app, strict=False) as client:
        client.open("/")
        client.click("go", wait=False)
        os.kill(pid_of(tmp_path, 1), signal.SIGKILL)
        client.wait()
        errors = client.errors()
        assert len(errors) == 1 and "killed by SIGKILL" in errors[0] and "run it again" in errors[0]
        assert client.prop("go", "disabled") is False and client.text("status") == "idle"
        assert [manager.state(j)["status"] for j in job_ids(manager)] == ["lost"]


def test_on_error_gets_the_lost_job_and_can_say_so_on_the_page(tmp_path):
    app, _ = job_app(tmp_path, seconds=5.0, on_error=lambda exc: f"failed: {exc}")
    with Client(app) as client:
        client.open("/")
        client.click("go", wait=False)
        os.kill(pid_of(tmp_path, 1), signal.SIGKILL)
        client.wait()
        assert client.text("out").startswith("failed: callback 'job': its background job stopped")
        assert "SIGKILL" in client.text("out")


def test_another_web_worker_looks_the_job_up_and_cancels_it_by_id(tmp_path):
    app, manager = job_app(tmp_path, seconds=5.0)
    with Client(app) as client:
        client.open("/")
        client.click("go", wait=False)
        pid = pid_of(tmp_path, 1)
        other = DiskcacheManager(diskcache.Cache(str(tmp_path / "cache")))  # as a second worker opens it
        [job] = wait_for(lambda: job_ids(other), what="the job's record")
        wait_for(lambda: (other.state(job) or {}).get("progress"), what="progress on disk")
        assert other.state(job)["status"] == "running" and other.state(job)["pid"] == pid
        assert other.cancel(job)
        client.wait()
        assert client.text("out") == "" and not pid_alive(pid)
        assert other.state(job)["status"] == "cancelled" and client.errors() == []
