"""Background callbacks on CeleryManager through the headless client: a real redis-server and a real Celery
worker process (tests/background/conftest.py), the jobs running in the worker's pool processes."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

from propwire.testing import Client
from tests.conftest import ROOT

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


def job_ids(client: Client) -> list[str]:
    """The ids of the jobs the page was told of (the stream's `job` lines), in order."""
    return [line["job"]["id"] for event in client._rt.log for line in event.lines
            if "job" in line and not line["job"].get("ended")]


def pid_of(celery, tag: str, n: int) -> int:
    path = celery.folder / f"pid-{tag}-{n}"
    return int(wait_for(lambda: path.exists() and path.read_text(), what=f"job {tag}-{n} to start"))


def test_a_3_second_job_leaves_the_page_responsive_and_running_props_toggle(celery):
    with Client(job_app) as client:
        tag = start(client, 3.0)
        assert client.prop("go", "disabled") is None and client.text("status") == "idle"
        client.click("go", wait=False)
        pid = pid_of(celery, tag, 1)
        assert pid in celery.worker.children()  # a pool process of the Celery worker
        wait_for(lambda: client.text("status") == "running", what="running= to be set")
        assert client.prop("go", "disabled") is True
        client.click("ping", wait=False)
        wait_for(lambda: client.text("pong") == "pong 1", what="the quick callback's answer")
        assert client.text("out") == "" and not (celery.folder / f"done-{tag}-1").exists()  # answered mid-job
        client.wait()
        assert client.text("out") == f"done 1 in {pid}"
        assert client.prop("go", "disabled") is False and client.text("status") == "idle"
        [job] = job_ids(client)
        record = manager.state(job)
        assert record["status"] == "done" and record["result"] == f"done 1 in {pid}" and record["pid"] == pid
        assert record["progress"] == {"bar.children": "10/10"}  # the last update, though it came within the interval


def test_a_cancel_input_revokes_the_task_and_kills_its_process(celery):
    with Client(job_app) as client:
        tag = start(client, 8.0)
        client.click("go", wait=False)
        pid = pid_of(celery, tag, 1)
        wait_for(lambda: client.text("bar"), what="the first progress update")
        client.click("stop", wait=False)
        client.wait()
        assert client.text("out") == ""  # its outputs keep their values
        assert client.prop("go", "disabled") is False and client.text("status") == "idle"
        wait_for(lambda: not pid_alive(pid), what="the job's process to be killed")
        [job] = job_ids(client)
        assert manager.state(job)["status"] == "cancelled"
        assert not (celery.folder / f"done-{tag}-1").exists()
        assert client.errors() == []


def test_a_newer_run_of_the_callback_replaces_its_running_job(celery):
    with Client(job_app) as client:
        tag = start(client, 2.0)
        client.click("go", wait=False)
        first = pid_of(celery, tag, 1)
        wait_for(lambda: client.text("bar"), what="the first progress update")
        client.set_prop("go", "n_clicks", 2, wait=False)  # the button is disabled while it runs: set it as code would
        client.wait()
        assert client.text("out").startswith("done 2 in ")
        wait_for(lambda: not pid_alive(first), what="the first job's process to be killed")
        assert not (celery.folder / f"done-{tag}-1").exists()  # one run per trigger: the first stopped
        assert sorted(manager.state(j)["status"] for j in job_ids(client)) == ["cancelled", "done"]


def test_two_tabs_run_jobs_at_once_on_the_workers_two_processes(celery):
    with Client(job_app) as one, Client(job_app) as two:
        tag_one, tag_two = start(one, 4.0), start(two, 4.0)
        one.click("go", wait=False)
        two.click("go", wait=False)
        pids = pid_of(celery, tag_one, 1), pid_of(celery, tag_two, 1)
        assert not (celery.folder / f"done-{tag_one}-1").exists()  # the second started while the first runs
        one.wait()
        two.wait()
        assert pids[0] != pids[1]
        assert one.text("out") == f"done 1 in {pids[0]}" and two.text("out") == f"done 1 in {pids[1]}"


def test_another_web_worker_process_looks_the_job_up_and_cancels_it_by_id(celery):
    with Client(job_app) as client:
        tag = start(client, 8.0)
        client.click("go", wait=False)
        pid = pid_of(celery, tag, 1)
        [job] = wait_for(lambda: job_ids(client), what="the job's id")
        wait_for(lambda: (manager.state(job) or {}).get("progress"), what="progress in the record")
        # a second web worker: another process, importing the app, sharing nothing with this one but Redis
        other = subprocess.run([sys.executable, "-c", OTHER_WORKER, job], capture_output=True, text=True, timeout=60,
                               cwd=ROOT, env={**os.environ, "PROPWIRE_TEST_REDIS": celery.redis.url,
                                    "PROPWIRE_TEST_DIR": str(celery.folder)})
        assert other.returncode == 0, other.stderr
        assert other.stdout.split() == ["running", str(pid), "True"]
        client.wait()
        assert client.text("out") == "" and client.errors() == []
        wait_for(lambda: not pid_alive(pid), what="the job's process to be killed")
        assert manager.state(job)["status"] == "cancelled"
        assert not manager.cancel(job)  # no longer running


OTHER_WORKER = """
import sys
from tests.background.celery_apps import manager
record = manager.state(sys.argv[1])
print(record["status"], record["pid"], manager.cancel(sys.argv[1]))
"""


def test_set_props_in_a_job_reach_the_page_as_they_are_called_and_cache_by_reuses_a_result(celery):
    from .celery_apps import cached_manager, props_app

    word = uuid.uuid4().hex[:8]
    with Client(props_app) as client:
        client.open("/")
        client.set_prop("word", "value", word)
        client.click("go")
        notes = [line["progress"]["outputs"]["note.children"] for event in client._last for line in event.lines
                 if "progress" in line]
        assert notes == [f"{word} 1", f"{word} 2", f"{word} 3"]
        first = client.text("out")
        assert first.startswith(f"{word} from go in ")
        [job] = job_ids(client)
        client.click("go")  # n_clicks is ignored in the key: the same word is answered from the cache, no job
        assert client.text("out") == first and job_ids(client) == [job]
        assert cached_manager.state(job)["status"] == "done"


def test_a_message_delivered_twice_never_runs_the_job_twice(celery):
    from propwire.background_celery_keys import encode
    from propwire.background_jobs import JobRun

    from .celery_apps import celery_app, job

    spec = manager.specs[manager.names[job]]
    tag = uuid.uuid4().hex[:8]
    run = JobRun(job, [1, "0.2", tag], {}, None, spec.background.progress_values, 1000)
    started = manager.start(run)
    started.send()
    wait_for(lambda: (manager.state(started.id) or {}).get("status") == "done", what="the job to finish")
    (celery.folder / f"done-{tag}-1").unlink()
    payload = encode({"args": run.args, "kwargs": {}, "info": None, "interval": 1000, "cache_key": None,
                      "cache_expire": None})
    # The job's record says done before Celery stores the task's return value: wait for that, then forget it,
    # so the result read next is the second delivery's.
    wait_for(lambda: celery_app.AsyncResult(started.id).ready(), what="the first delivery's result")
    celery_app.AsyncResult(started.id).forget()
    again = celery_app.send_task(manager.names[job], args=(started.id, payload), task_id=started.id)  # redelivered
    assert again.get(timeout=20) == {"skipped": "this job already ran: a job runs once per trigger"}
    assert not (celery.folder / f"done-{tag}-1").exists()


def test_a_job_cancelled_while_queued_never_starts(celery):
    with Client(job_app) as one, Client(job_app) as two, Client(job_app) as three:
        tags = [start(one, 3.0), start(two, 3.0), start(three, 0.2)]
        one.click("go", wait=False)
        two.click("go", wait=False)
        pid_of(celery, tags[0], 1), pid_of(celery, tags[1], 1)  # both pool processes busy
        three.click("go", wait=False)
        [queued] = wait_for(lambda: job_ids(three), what="the third job's id")
        assert manager.state(queued)["status"] == "queued"
        three.click("stop", wait=False)
        three.wait()
        assert three.text("out") == "" and three.prop("go", "disabled") is False and three.errors() == []
        one.wait()
        two.wait()
        assert one.text("out").startswith("done 1") and two.text("out").startswith("done 1")
        four = Client(job_app)  # the worker is free again: a later job runs, the cancelled one never did
        with four:
            start(four, 0.2)
            four.click("go")
            assert four.text("out").startswith("done 1")
        assert manager.state(queued)["status"] == "cancelled"
        assert not (celery.folder / f"pid-{tags[2]}-1").exists()
