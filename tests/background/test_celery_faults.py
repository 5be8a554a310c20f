"""CeleryManager's faults, on a real redis-server and Celery worker: a pool process killed mid-job, the whole
worker killed, Redis restarted (mid-job, and after a job finished before its result was read), the broker
down. The page always gets an answer: the result, or a clear error naming why — never a spinner."""

from __future__ import annotations

import asyncio
import os
import signal
import time
import uuid

from propwire.background_celery_keys import decode
from propwire.background_jobs import JobRun
from propwire.testing import Client

from .apps import wait_for
from .celery_apps import celery_app, job, job_app, manager
from .test_celery_jobs import job_ids, pid_of, progress_values, start


def test_a_pool_process_killed_with_sigkill_mid_job_is_a_clear_error(celery):
    with Client(job_app, strict=False) as client:
        tag = start(client, 8.0)
        client.click("go", wait=False)
        os.kill(pid_of(celery, tag, 1), signal.SIGKILL)
        client.wait()
        errors = client.errors()
        assert len(errors) == 1 and "killed by SIGKILL" in errors[0] and "run it again" in errors[0], errors
        assert client.prop("go", "disabled") is False and client.text("status") == "idle"
        [job_id] = job_ids(client)
        assert manager.state(job_id)["status"] == "lost"
        client.set_prop("seconds", "value", "0.2")
        client.click("go")  # the worker replaced its process: the next run works
        assert client.text("out").startswith("done 2 in ")


def test_the_whole_worker_killed_mid_job_is_a_clear_error_from_its_missing_heartbeat(celery):
    try:
        with Client(job_app, strict=False) as client:
            tag = start(client, 8.0)
            client.click("go", wait=False)
            pid_of(celery, tag, 1)
            wait_for(lambda: client.text("bar"), what="the first progress update")
            celery.worker.kill()  # main process and pool children at once: as its machine going away
            client.wait()
            errors = client.errors()
            assert len(errors) == 1 and "sent no heartbeat for 9 s" in errors[0] and "run it again" in errors[0], errors
            assert client.prop("go", "disabled") is False
            assert not (celery.folder / f"done-{tag}-1").exists()
    finally:
        celery.worker_restart()
    with Client(job_app) as client:  # never run twice: the killed job's message was acked, not redelivered
        start(client, 0.2)
        client.click("go")
        assert client.text("out").startswith("done 1 in ")
    assert not (celery.folder / f"done-{tag}-1").exists()


def test_a_redis_restart_mid_job_loses_no_progress_update(celery):
    with Client(job_app) as client:
        tag = start(client, 4.0)
        client.click("go", wait=False)
        pid_of(celery, tag, 1)
        wait_for(lambda: client.text("bar"), what="the first progress update")
        celery.redis.restart(down_for=4.0)  # longer than the heartbeat's TTL: its key expires meanwhile
        client.wait()
        assert client.errors() == []
        assert client.text("out").startswith("done 1 in ")
        updates = [line["progress"]["outputs"]["bar.children"] for event in client._rt.log for line in event.lines
                   if "progress" in line]
        assert updates == [f"{i}/10" for i in range(1, 11)]


def test_a_finished_result_not_yet_read_survives_a_redis_restart(celery):
    spec = manager.specs[manager.names[job]]
    run = JobRun(job, [1, "0.2", "restart"], {}, None, spec.background.progress_values, 1000)
    started = manager.start(run)
    started.send()  # queued; nobody follows it yet
    wait_for(lambda: (manager.state(started.id) or {}).get("status") == "done", what="the job to finish")
    celery.redis.restart()  # appendonly: the stream, the record and Celery's result are on disk

    async def follow() -> list:
        return [frame async for frame in started.events()]

    frames = asyncio.run(follow())
    assert [payload for kind, payload in frames if kind == "progress"] == [{"bar.children": f"{i}/10"}
                                                                         for i in range(1, 11)]
    kind, value = frames[-1]
    assert kind == "result" and value.startswith("done 1 in ")
    assert decode(celery_app.AsyncResult(started.id).get(timeout=10)["frame"]) == ("result", value)


def test_while_the_broker_is_down_other_callbacks_answer_and_a_job_is_a_clear_error(celery):
    with Client(job_app, strict=False) as client:
        start(client, 0.2)
        celery.redis.stop()
        try:
            client.click("ping")
            assert client.text("pong") == "pong 1"
            client.click("go")
            errors = client.errors()
            assert len(errors) == 1 and "could not be queued" in errors[0], errors
            assert client.prop("go", "disabled") is False and client.text("status") == "idle"
            client.click("ping")
            assert client.text("pong") == "pong 2"
        finally:
            celery.redis.start()
        client.click("go")  # Redis back: jobs run again
        assert client.text("out").startswith("done 2 in ")
        assert progress_values(client)[-1] == "10/10"


def test_a_task_the_worker_does_not_know_is_a_clear_error_not_a_wait(celery):
    from propwire.background_celery import CeleryJob

    spec = manager.specs[manager.names[job]]
    run = JobRun(job, [1, "0.2", "unknown"], {}, None, spec.background.progress_values, 1000)
    stale = CeleryJob(manager, "0123456789abcdef" * 2, "propwire.background.job.0000000000000000", run)

    async def follow() -> list:
        return [frame async for frame in stale.events()]

    [(kind, why)] = asyncio.run(follow())
    assert kind == "lost" and "NotRegistered" in why and "same code" in why, why
    assert manager.state(stale.id)["status"] == "lost"


def test_a_job_no_worker_can_start_is_revoked_after_the_queue_timeout_with_a_clear_error(celery):
    from .celery_apps import queue_app, queue_manager

    tag = uuid.uuid4().hex[:8]
    pid = celery.worker.process.pid
    os.killpg(pid, signal.SIGSTOP)  # the worker and its pool stopped: its reserved or queued messages cannot start
    try:
        with Client(queue_app, strict=False) as client:
            client.open("/")
            client.set_prop("tag", "value", tag)
            began = time.monotonic()
            client.click("go")
            fired = time.monotonic() - began
            errors = client.errors()
            assert len(errors) == 1, errors
            assert "callback 'queued_job'" in errors[0] and "within 2 s of being queued" in errors[0], errors
            assert "revoked" in errors[0] and "run it again" in errors[0]
            assert 2.0 <= fired < 5.0, fired  # the limit, plus at most one read of the stream (1 s) and the revoke
            print(f"queue timeout of 2 s fired after {fired:.2f} s")
            assert client.text("out") == "" and client.text("status") == "idle"
            [job_id] = job_ids(client)
            assert queue_manager.state(job_id)["status"] == "expired"
    finally:
        os.killpg(pid, signal.SIGCONT)
    never_runs(celery, tag, job_id)  # the worker resumed: a later job runs, the revoked one never starts


def test_a_job_reserved_by_a_killed_worker_is_revoked_after_the_queue_timeout(celery):
    from .celery_apps import queue_app

    tag = uuid.uuid4().hex[:8]
    celery.worker.kill()  # gone with SIGKILL: nothing takes the message until a worker comes back
    try:
        with Client(queue_app, strict=False) as client:
            client.open("/")
            client.set_prop("tag", "value", tag)
            client.click("go")
            errors = client.errors()
            assert len(errors) == 1 and "callback 'queued_job'" in errors[0] and "revoked" in errors[0], errors
            [job_id] = job_ids(client)
    finally:
        celery.worker_restart()
    never_runs(celery, tag, job_id)  # a new worker gets the old message: it expired, so the job never runs


def never_runs(celery, tag: str, job_id: str) -> None:
    """After a queue timeout: a later job runs on the worker, and the expired one, whose message the worker got
    too, was discarded (revoked past its expiry) and never ran."""
    from .celery_apps import queue_app, queue_manager

    with Client(queue_app) as client:
        client.open("/")
        client.set_prop("tag", "value", f"{tag}-later")
        client.click("go")
        assert client.text("out") == "ran 1" and client.errors() == []
    wait_for(lambda: celery_app.AsyncResult(job_id).state == "REVOKED", what="the old message to be discarded")
    assert not (celery.folder / f"queued-{tag}-1").exists()
    assert queue_manager.state(job_id)["status"] == "expired"
