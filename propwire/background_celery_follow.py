"""Following a Celery job from the web worker: its Redis stream read as it grows, and what to say when it dies.

A Redis stream, not pub/sub: a message published on a channel nobody listens to yet is gone, and the task may
well write its first frames before the web worker has subscribed (or while it reconnects to a restarting
Redis); a stream keeps every frame, so the follower reads from its start, or from the last frame it saw, and
misses none. A blocking XREAD returns as soon as a frame lands: nothing polls. Each second without a frame,
the follower checks the job is still alive: Celery's result backend says when the worker process running it
died (WorkerLostError), and the heartbeat the task writes every second says when its whole worker or machine
went away. Example::

    async for kind, payload in follow(job):
        print(kind, payload)
"""

from __future__ import annotations

import asyncio
import pickle
import re
import time
from collections.abc import AsyncIterator
from typing import Any

from propwire.background_celery_keys import (
    HEARTBEAT_TTL,
    READ_BLOCK_MS,
    REDIS_DOWN_GRACE,
    alive_key,
    record_key,
    stream_key,
)

VERDICT_WAIT = 6.0  # seconds a silent job waits for Celery's word on it before it counts as lost
QUIET_ENDS = 3  # reads without a frame after the record says the job ended, before the record is believed
CANCELLED = "cancelled"  # what _lost_why says of a job cancelled before its task could say so
EXPIRED = "expired"  # what _lost_why says of a job the queue timeout revoked before any worker started it
_ENDS = ("result", "prevent", "error", "cancelled", "lost")


async def follow(job: Any) -> AsyncIterator[tuple[str, Any]]:
    """The job's frames, in order, until its outcome (or ("lost", why) when it can no longer come)."""
    import redis.asyncio as aioredis
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    client = aioredis.Redis.from_url(job.manager.url, socket_connect_timeout=2)
    last, down_since = "0-0", None
    try:
        while True:
            try:
                got: Any = await client.xread({stream_key(job.id): last}, block=READ_BLOCK_MS, count=100)
                why = None if got else await _lost_why(job, client)
                down_since = None
            except (RedisConnectionError, RedisTimeoutError, OSError) as exc:  # Redis restarting: wait for it
                down_since = down_since or time.monotonic()
                if time.monotonic() - down_since > REDIS_DOWN_GRACE:
                    yield "lost", f"Redis stopped answering for {REDIS_DOWN_GRACE:.0f} s ({exc})"
                    return
                await asyncio.sleep(0.25)
                continue
            for entry_id, fields in got[0][1] if got else []:
                last = entry_id
                frame = pickle.loads(fields[b"f"])
                yield frame
                if frame[0] in _ENDS:
                    return
            if why is CANCELLED:
                yield "cancelled", None
                return
            if why is EXPIRED:
                yield "error", job.expired_error()
                return
            if why is not None:
                await asyncio.to_thread(job.manager._set_status, job.id, "lost", error=why)
                yield "lost", why
                return
    finally:
        await client.aclose()


async def _lost_why(job: Any, client: Any) -> str | None:
    """Why the job cannot answer any more, or None while it may (queued for a free worker, or running)."""
    status = await client.hget(record_key(job.id), "status")
    if status is None:
        return "its record is gone from Redis (restarted without persistence?)"
    if status not in (b"queued", b"running"):
        # It ended: its last frame is being written to the stream (the record goes first). Should it never come
        # (the task died in between), the record says how the job ended.
        job.quiet_ends += 1
        if job.quiet_ends < QUIET_ENDS:
            return None
        if status == b"cancelled":
            return CANCELLED
        return f"its record says {status.decode()} but its outcome never reached its stream"
    failure = await asyncio.to_thread(_celery_failure, job)
    if failure is not None:
        return failure
    if status == b"queued" and _past_queue_timeout(job) and await asyncio.to_thread(job.expire):
        return EXPIRED
    if status != b"running" or await client.exists(alive_key(job.id)):
        job.silent_since = None  # alive (again: its beats resume after a Redis restart)
    else:
        # Silent. Celery names the signal that killed a pool process, but only at its pool's next check (up to
        # 5 s on, plus worker_lost_wait): wait that long for its word, then say what the heartbeat says.
        job.silent_since = job.silent_since or time.monotonic()
        if time.monotonic() - job.silent_since > VERDICT_WAIT:
            return (f"its Celery worker sent no heartbeat for {HEARTBEAT_TTL + VERDICT_WAIT:.0f} s: it was killed, "
                    "or its machine went away or lost Redis")
    return None


def _past_queue_timeout(job: Any) -> bool:
    limit = job.manager.queue_timeout
    return limit is not None and job.queued_at is not None and time.monotonic() - job.queued_at > limit


def _celery_failure(job: Any) -> str | None:
    """What Celery's result backend says of a task that failed outside the callback (its process died)."""
    try:
        result = job.manager.handle.AsyncResult(job.id)
        if result.state != "FAILURE":
            return None
        error = result.result
    except Exception:  # noqa: BLE001 - the backend unreachable says nothing; the heartbeat still decides
        return None
    message = f"{type(error).__name__}: {error}"
    if type(error).__name__ == "NotRegistered":
        return (f"no Celery worker knows its task ({message}): do the workers run the same code as the web "
                "workers? (start them from the same deploy)")
    signal = re.search(r"signal \d+ \((SIG\w+)\)", str(error))
    if signal:
        return f"its Celery worker process was killed by {signal.group(1)} ({message})"
    return f"its Celery task failed outside the callback ({message})"
