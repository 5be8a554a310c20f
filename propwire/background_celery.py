"""The Celery background-callback manager: jobs run in Celery workers, their frames come back over Redis streams.

`CeleryManager(celery_app)` is Dash's name and signature. Each background callback declared in the process
becomes a Celery task on `celery_app`, under a name made from the callback's code, when its module is imported:
a worker started with `celery -A myapp:celery_app worker` imports the same module and so has the same tasks.
A job is one task run. It writes each frame (`set_progress`, `set_props`, then its outcome) to a Redis stream of
its own; the web worker following the job reads that stream as it grows (a blocking XREAD: no polling), so
the page gets every update at once, and the outcome also goes to Celery's result backend. The job's record (a
Redis hash) and a heartbeat key let any web worker look the job up, stop it, or tell it is lost
(docs/background.md). Example::

    celery_app = Celery(__name__, broker="redis://127.0.0.1:6379/0", backend="redis://127.0.0.1:6379/1")
    app = Dash(background_callback_manager=CeleryManager(celery_app))
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import pickle
import secrets
import threading
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

from propwire.api import background as declared
from propwire.api.exceptions import BackgroundCallbackError, JobLost
from propwire.background_celery_follow import follow
from propwire.background_celery_keys import (
    CANCEL,
    CELERY_LOST_WAIT,
    EXPIRE,
    LOST_WAIT,
    QUEUE_TIMEOUT,
    RECORD_TTL,
    SET_STATUS,
    encode,
    record_key,
    stream_key,
    task_name,
)
from propwire.background_celery_task import run_task
from propwire.background_jobs import JobRun, call_cache_key

__all__ = ["CeleryManager", "CeleryJob"]

log = logging.getLogger("propwire")


class CeleryManager:
    """Runs background callbacks' jobs as Celery tasks, on any number of worker machines.

    Dash's Celery manager, under Dash's name, so an app's `CeleryManager(celery_app)` runs unchanged. It needs
    a Redis broker or result backend (the job's frames, record and heartbeat live there): any web worker follows,
    looks up or stops any job by its id. Example: docs/examples/propwire.CeleryManager.py.

    Parameters:
        celery_app: the `celery.Celery` app the workers run (`celery -A module:celery_app worker`).
        cache_by: functions of no argument whose values join a job's cache key: with them, a call with the same
            arguments (and the same values) is answered from the cache (in Redis) without a job.
        expire: seconds a cached result is kept (with cache_by).
        queue_timeout: seconds a job may wait in the queue for a worker to start it (300 by default; None: no
            limit). Past it the job is revoked and the page gets an error naming the callback, instead of waiting
            for a worker that is down, stuck, or consuming another queue (docs/background.md#faults).
    """

    def __init__(self, celery_app: Any, cache_by: list[Callable[[], Any]] | None = None,
                 expire: float | None = None, *, queue_timeout: float | None = QUEUE_TIMEOUT):
        try:
            import celery
            import redis  # noqa: F401 - the frames travel over Redis: fail here, not at the first job
        except ImportError as exc:  # optional: only apps with Celery background callbacks need it
            raise ImportError("CeleryManager needs celery and redis: pip install 'propwire[celery]'") from exc
        if not isinstance(celery_app, celery.Celery):
            raise TypeError(f"CeleryManager(celery_app) takes a celery.Celery app, got {type(celery_app).__name__}")
        if cache_by is not None and not all(callable(f) for f in cache_by):
            raise TypeError("CeleryManager(cache_by=...) takes a list of functions of no argument")
        if queue_timeout is not None and (isinstance(queue_timeout, bool) or not isinstance(queue_timeout, (int, float))
                                          or not queue_timeout > 0):
            raise TypeError(f"CeleryManager(queue_timeout=...) takes seconds above 0 or None, got {queue_timeout!r}")
        self.handle, self.cache_by, self.expire = celery_app, list(cache_by or []), expire
        self.queue_timeout = queue_timeout
        if celery_app.conf.worker_lost_wait == CELERY_LOST_WAIT:
            # Celery waits this long for a dead pool process's result before it records WorkerLostError (and so
            # names the signal that killed it); a job's frames are in its stream already, so nothing is gained by
            # waiting: a second lets the page say "killed by SIGKILL" before the heartbeat's TTL runs out.
            celery_app.conf.worker_lost_wait = LOST_WAIT
        self.names: dict[Any, str] = {}  # a callback's function -> its task's name
        self.specs: dict[str, Any] = {}  # a task's name -> the callback it runs (in the worker)
        self._redis: Any = None
        self._redis_pid = 0
        self._lock = threading.Lock()
        declared.watch(self._register)

    def _register(self, spec: Any) -> None:
        """One background callback's task (the same generic body for all: it looks its callback up by name)."""
        name = task_name(spec)
        self.names[spec.func] = name
        self.specs[name] = spec
        if name in self.handle.tasks:
            return

        def job(job_id: str, payload: str) -> dict[str, str]:
            return run_task(self, name, job_id, payload)

        # acks_late off: the message is acked when a worker takes it, so a worker that dies mid-job never has
        # it redelivered to another (docs/background.md#faults); the claim key guards apps that turn it on.
        # shared=False: Celery would otherwise add the task to every Celery app made later in the process, its
        # body still this manager's (a second app on another Redis would run jobs against this one's).
        self.handle.task(name=name, shared=False, acks_late=False, reject_on_worker_lost=False,
                         ignore_result=False)(job)

    @property
    def url(self) -> str:
        """The Redis the frames, records and heartbeats live in: the result backend's, else the broker's.

        >>> from celery import Celery
        >>> from propwire import CeleryManager
        >>> CeleryManager(Celery(broker="redis://127.0.0.1:6379/0", backend="redis://127.0.0.1:6379/1")).url
        'redis://127.0.0.1:6379/1'
        """
        conf = self.handle.conf
        for candidate in (conf.result_backend, conf.broker_url):
            if isinstance(candidate, str) and candidate.startswith(("redis://", "rediss://", "unix://")):
                return candidate
        raise BackgroundCallbackError("CeleryManager needs a Redis broker or result backend (redis://...), got "
                                      f"broker {conf.broker_url!r} and backend {conf.result_backend!r}")

    def redis(self) -> Any:
        """A client of that Redis, one per process (a forked worker child makes its own); it connects when used.

        >>> from celery import Celery
        >>> from propwire import CeleryManager
        >>> manager = CeleryManager(Celery(broker="redis://127.0.0.1:1/0"))
        >>> manager.redis() is manager.redis()
        True
        """
        with self._lock:
            if self._redis is None or self._redis_pid != os.getpid():
                import redis

                self._redis = redis.Redis.from_url(self.url, socket_timeout=5, socket_connect_timeout=2)
                self._redis_pid = os.getpid()
            return self._redis

    # -- the manager interface --------------------------------------------------------------------------

    def start(self, run: JobRun) -> CeleryJob:
        """A job for this call: it is queued when it is followed (`events()`, off the event loop, so a broker
        that is down delays no other callback). Only background callbacks have tasks:

        >>> from celery import Celery
        >>> from propwire import CeleryManager
        >>> from propwire.background_jobs import JobRun
        >>> CeleryManager(Celery(broker="redis://127.0.0.1:1/0")).start(JobRun(print, [], {}, None, None, 1000))
        Traceback (most recent call last):
        propwire.api.exceptions.BackgroundCallbackError: 'print' is not a background callback this CeleryManager knows
        """
        name = self.names.get(run.func)
        if name is None:
            raise BackgroundCallbackError(f"{getattr(run.func, '__name__', run.func)!r} is not a background "
                                          "callback this CeleryManager knows")
        return CeleryJob(self, secrets.token_hex(16), name, run)

    def cancel(self, job_id: str) -> bool:
        """Stop a job, from any web worker: revoked with terminate=True (its worker process is killed with
        SIGKILL) and its follower told at once; False if no such job is queued or running.

        >>> from celery import Celery
        >>> from propwire import CeleryManager
        >>> CeleryManager(Celery(broker="redis://127.0.0.1:1/0")).cancel("0123abcd")
        False
        """
        import redis

        try:
            client = self.redis()
            if not client.eval(CANCEL, 1, record_key(job_id)):
                return False
            client.xadd(stream_key(job_id), {"f": pickle.dumps(("cancelled", None))})
            client.expire(stream_key(job_id), RECORD_TTL)
        except redis.RedisError:  # Redis is down: no record to go by (the follower reports the job lost)
            return False
        self.handle.control.revoke(job_id, terminate=True, signal="SIGKILL")
        return True

    def state(self, job_id: str) -> dict[str, Any] | None:
        """A job's record: status (queued, running, done, error, cancelled, lost), worker host and pid, last
        progress, result; None for an id it has no record of (every web worker reads the same Redis).

        >>> from celery import Celery
        >>> from propwire import CeleryManager
        >>> CeleryManager(Celery(broker="redis://127.0.0.1:1/0")).state("0123abcd") is None
        True
        """
        import redis

        try:
            raw = self.redis().hgetall(record_key(job_id))
        except redis.RedisError:
            return None
        if not raw:
            return None
        record: dict[str, Any] = {k.decode(): v.decode() for k, v in raw.items() if k not in (b"progress", b"result")}
        for field in ("progress", "result"):
            if field.encode() in raw:
                record[field] = pickle.loads(raw[field.encode()])
        if "pid" in record:
            record["pid"] = int(record["pid"])
        return record

    def cache_key(self, name: str, args: list, ignore: set[int]) -> str | None:
        """The key a call's result is cached under (with cache_by), else None: no result is reused.

        >>> from celery import Celery
        >>> from propwire import CeleryManager
        >>> manager = CeleryManager(Celery(broker="redis://127.0.0.1:1/0"), cache_by=[lambda: "v1"])
        >>> manager.cache_key("report", [1, "a"], ignore={1}) == manager.cache_key("report", [1, "b"], ignore={1})
        True
        """
        return call_cache_key(self.cache_by, name, args, ignore)

    def cached(self, key: str) -> tuple[bool, Any]:
        """(True, value) when a result is cached under `key` in Redis, else (False, None) (also when Redis is down).

        >>> from celery import Celery
        >>> from propwire import CeleryManager
        >>> CeleryManager(Celery(broker="redis://127.0.0.1:1/0")).cached("pw-result:none")
        (False, None)
        """
        import redis

        try:
            found = self.redis().get("pw-celery:" + key)
        except redis.RedisError:
            return False, None
        return (False, None) if found is None else (True, pickle.loads(found))

    def _set_status(self, job_id: str, status: str, **fields: Any) -> bool:
        """Set a job's status (unless a cancel stands) and other record fields; whether the status was set."""
        client = self.redis()
        done = bool(client.eval(SET_STATUS, 1, record_key(job_id), status, RECORD_TTL))
        if fields:
            client.hset(record_key(job_id), mapping=fields)
        return done


class CeleryJob:
    """One job on Celery, followed by the web worker that started it: `events()` queues it, then yields its
    frames as they land in its Redis stream, as DiskcacheManager's Job does, ending with its outcome
    (`("result", value)`, `("prevent", None)`, `("error", exc)`, `("cancelled", None)` or `("lost", why)`)."""

    def __init__(self, manager: CeleryManager, job_id: str, name: str, run: JobRun):
        self.manager, self.id, self.name, self.run = manager, job_id, name, run
        self.ended = False
        self.sent = False
        self._stopped = False
        self.silent_since: float | None = None  # when its heartbeat was first found missing (the follower's)
        self.quiet_ends = 0  # reads that found its record ended but no last frame yet (the follower's)
        self.queued_at: float | None = None  # when its task was queued (monotonic), for the queue timeout

    def send(self) -> None:
        """Write the job's record, then queue its task (events() does it, in a thread: the broker may be slow or
        down); a job is queued once."""
        if self.sent:
            return
        self.sent = True
        run = self.run
        payload = encode({"args": run.args, "kwargs": run.kwargs, "info": run.info, "interval": run.interval_ms,
                          "cache_key": run.cache_key, "cache_expire": run.cache_expire})
        client = self.manager.redis()
        client.hset(record_key(self.id), mapping={"status": "queued", "task": self.name})
        client.expire(record_key(self.id), RECORD_TTL)
        if self._stopped:  # stopped while this thread started: never queue it
            client.hset(record_key(self.id), "status", "cancelled")
            return
        limit = self.manager.queue_timeout
        try:
            # `expires`: a worker that gets the message after the queue timeout (a stopped one resumed, a
            # redelivery) discards it; the record, marked expired, stops the task too should it run anyway
            self.manager.handle.send_task(self.name, args=(self.id, payload), task_id=self.id, expires=limit,
                                          retry_policy={"max_retries": 2, "interval_start": 0.2,
                                                        "interval_step": 0.3, "interval_max": 0.5})
            self.queued_at = time.monotonic()
        except Exception:
            with contextlib.suppress(Exception):  # the broker is down, its Redis maybe not: the record says so
                client.hset(record_key(self.id), mapping={"status": "error", "error": "could not be queued"})
            raise

    async def events(self) -> AsyncIterator[tuple[str, Any]]:
        try:
            await asyncio.to_thread(self.send)
        except Exception as exc:  # noqa: BLE001 - Redis or the broker is down: this call's clear error
            self.ended = True
            log.error("background job %s of %s could not be queued: %r", self.id, self.name, exc)
            name = getattr(self.run.func, "__name__", self.name)
            # JobLost's words reach the page outside debug mode too: they name no host, the log has the details
            yield "error", JobLost(f"callback '{name}': its background job could not be queued (the Celery broker "
                                   "or its Redis is unreachable); its outputs were not updated: run it again later")
            return
        async for frame in follow(self):
            if frame[0] in ("result", "prevent", "error", "cancelled", "lost"):
                self.ended = True
            yield frame

    def expire(self) -> bool:
        """The queue timeout passed and no worker started the job: mark its record expired (unless a worker just
        started it: then False, it runs on) and revoke its task, so it never starts."""
        if not self.manager.redis().eval(EXPIRE, 1, record_key(self.id)):
            return False
        self.manager.handle.control.revoke(self.id)
        log.warning("background job %s of %s did not start within %s s: revoked", self.id, self.name,
                    self.manager.queue_timeout)
        return True

    def expired_error(self) -> JobLost:
        """The page's error for a job the queue timeout revoked (its words reach the page outside debug mode)."""
        name = getattr(self.run.func, "__name__", self.name)
        return JobLost(f"callback '{name}': its background job was not started by any Celery worker within "
                       f"{self.manager.queue_timeout:g} s of being queued (are the workers running, and not all "
                       "stuck or busy?); it was revoked and its outputs were not updated: run it again")

    def stop(self) -> None:
        """The stream went away or a newer run replaced this one: the task is revoked and its process killed."""
        if self.ended:
            return
        self.ended = self._stopped = True
        self.manager.cancel(self.id)
