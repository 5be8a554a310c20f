"""A Celery job's body, in the worker: run the callback, write each frame to the job's Redis stream.

One generic body serves every background callback's task: it finds its callback by the task's name (the worker
imported the app's module, so it declared the same callbacks). Before it runs anything it claims the job (SET
NX): a message delivered twice (an app that turned acks_late on, a visibility timeout) never runs the job
twice. While it runs, a thread writes a heartbeat key with a short TTL every second, so a follower tells a job
whose whole worker died from one still running. Example::

    run_task(manager, "propwire.background.report.0123abcd", job_id, payload)  # what the task calls
"""

from __future__ import annotations

import contextlib
import os
import pickle
import socket
import threading
import time
import traceback
from typing import Any

from propwire.api.context import _current
from propwire.api.exceptions import PreventUpdate
from propwire.background_celery_keys import (
    HEARTBEAT_EVERY,
    HEARTBEAT_TTL,
    RECORD_TTL,
    REDIS_DOWN_GRACE,
    alive_key,
    claim_key,
    decode,
    encode,
    record_key,
    stream_key,
)
from propwire.background_jobs import _LiveUpdates, _portable, _progress_setter


def run_task(manager: Any, name: str, job_id: str, payload: str) -> dict[str, str]:
    """Run one job (once), its frames to its stream; the outcome frame is also the task's result."""
    client = manager.redis()
    if not client.set(claim_key(job_id), f"{socket.gethostname()}:{os.getpid()}", nx=True, ex=RECORD_TTL):
        return {"skipped": "this job already ran: a job runs once per trigger"}
    if not manager._set_status(job_id, "running", pid=os.getpid(), host=socket.gethostname()):
        return {"skipped": "cancelled (or past its queue timeout) before it started"}
    data = decode(payload)
    stream = _Stream(manager, job_id, data)
    beat = _Heartbeat(client, job_id)
    beat.start()
    try:
        frame = _call(manager.specs[name], data, stream)
        stream.send(frame)
    finally:
        beat.stop()
    return {"frame": encode(frame)}


def _call(spec: Any, data: dict[str, Any], stream: _Stream) -> tuple[str, Any]:
    info = data["info"]
    if info is not None:  # the call's ctx: its set_props calls go to the page at once
        info.side_updates = _LiveUpdates(stream)
    _current.set(info)  # always: a pool process runs many jobs, and one's ctx must not be the next one's
    args = list(data["args"])
    bg = spec.background
    if bg.progress:
        args.insert(0, _progress_setter(bg.progress_values, stream))
    try:
        value = spec.func(*args, **data["kwargs"])
    except PreventUpdate:
        return "prevent", None
    except Exception as exc:  # noqa: BLE001 - the web worker reports it as the callback's error
        traceback.print_exc()
        return "error", _portable(exc)
    return "result", value


def _retrying(write: Any) -> Any:
    """Run a Redis write, waiting out a Redis restart (up to REDIS_DOWN_GRACE s) rather than losing the frame."""
    import redis

    deadline = time.monotonic() + REDIS_DOWN_GRACE
    while True:
        try:
            return write()
        except (redis.ConnectionError, redis.TimeoutError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)


class _Stream:
    """The job's end of its Redis stream; it also keeps the job's record (progress once per interval, the end)."""

    def __init__(self, manager: Any, job_id: str, data: dict[str, Any]):
        self.manager, self.id, self.data = manager, job_id, data
        self.every = data["interval"] / 1000
        self.last = 0.0
        self.latest: Any = None

    def send(self, frame: tuple[str, Any]) -> None:
        try:
            body = pickle.dumps(frame)
        except Exception as exc:  # noqa: BLE001 - a value that cannot leave the process is the call's error
            frame = ("error", TypeError(f"the job's {frame[0]} value cannot be sent back: {exc}"))
            body = pickle.dumps(frame)
        client = self.manager.redis()

        def write() -> None:
            pipe = client.pipeline()
            pipe.xadd(stream_key(self.id), {"f": body})
            pipe.expire(stream_key(self.id), RECORD_TTL)
            pipe.execute()

        # the record (and cache) before the frame: a page that has the result and runs the call again finds it
        self._record(frame)
        _retrying(write)

    def _record(self, frame: tuple[str, Any]) -> None:
        kind, payload = frame
        if kind == "progress":
            self.latest = payload
            if time.monotonic() - self.last >= self.every:
                self.last = time.monotonic()
                _retrying(lambda: self.manager.redis().hset(record_key(self.id), "progress", pickle.dumps(payload)))
        elif kind in ("result", "prevent", "error"):
            fields = {"result": pickle.dumps(payload)} if kind == "result" else {}
            if self.latest is not None:  # the last update, even one that came sooner than the interval
                fields["progress"] = pickle.dumps(self.latest)
            _retrying(lambda: self.manager._set_status(self.id, "error" if kind == "error" else "done", **fields))
            key = self.data.get("cache_key")
            if kind == "result" and key is not None:
                expire = self.data.get("cache_expire")
                self.manager.redis().set("pw-celery:" + key, pickle.dumps(payload),
                                         ex=int(expire) if expire else None)


class _Heartbeat(threading.Thread):
    """Writes the job's alive key (TTL HEARTBEAT_TTL s) every HEARTBEAT_EVERY s until stopped."""

    def __init__(self, client: Any, job_id: str):
        super().__init__(daemon=True, name=f"propwire-heartbeat-{job_id[:8]}")
        self.client, self.key = client, alive_key(job_id)
        self.stopped = threading.Event()
        self.client.set(self.key, "1", ex=HEARTBEAT_TTL)

    def run(self) -> None:
        while not self.stopped.wait(HEARTBEAT_EVERY):
            with contextlib.suppress(Exception):  # a Redis blip: the next beat tries again
                self.client.set(self.key, "1", ex=HEARTBEAT_TTL)

    def stop(self) -> None:
        self.stopped.set()
        with contextlib.suppress(Exception):
            self.client.delete(self.key)
