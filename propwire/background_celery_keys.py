"""What a Celery job's parts agree on: the Redis keys of its record, stream, heartbeat and claim, its task's name,
the timings, and how values travel as text (background_celery.py, _follow and _task all import this).

    record_key("0123abcd")  # 'pw-celery:job:0123abcd'
"""

from __future__ import annotations

import base64
import hashlib
import inspect
import pickle
from typing import Any

RECORD_TTL = 24 * 3600  # a job's record and stream outlive it by a day, as DiskcacheManager's records do
HEARTBEAT_EVERY = 1.0  # seconds between the running task's heartbeats
HEARTBEAT_TTL = 3  # seconds without one before a running job counts as lost (its whole worker may be gone)
READ_BLOCK_MS = 1000  # how long one XREAD waits for a frame before the follower checks the job is alive
CELERY_LOST_WAIT, LOST_WAIT = 10.0, 1.0  # Celery's default worker_lost_wait (s), and the manager's
REDIS_DOWN_GRACE = 15.0  # seconds the follower (and the task's writes) wait for a restarting Redis
QUEUE_TIMEOUT = 300.0  # seconds a queued job may wait for a worker to start it (CeleryManager's default)

# Status changes a cancel (or a queue timeout) made elsewhere must not undo: set the status unless the record says
# cancelled or expired.
SET_STATUS = """
local status = redis.call('HGET', KEYS[1], 'status')
if status == 'cancelled' or status == 'expired' then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
"""


# A cancel takes only a job that is queued or running (one that just finished keeps its status).
CANCEL = """
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'queued' and status ~= 'running' then return 0 end
redis.call('HSET', KEYS[1], 'status', 'cancelled')
return 1
"""


# A queue timeout takes only a job still queued: one a worker started in the meantime runs on.
EXPIRE = """
if redis.call('HGET', KEYS[1], 'status') ~= 'queued' then return 0 end
redis.call('HSET', KEYS[1], 'status', 'expired')
return 1
"""


def record_key(job_id: str) -> str:
    return f"pw-celery:job:{job_id}"


def stream_key(job_id: str) -> str:
    return f"pw-celery:frames:{job_id}"


def alive_key(job_id: str) -> str:
    return f"pw-celery:alive:{job_id}"


def claim_key(job_id: str) -> str:
    return f"pw-celery:claim:{job_id}"


def task_name(spec: Any) -> str:
    """The Celery task name of a background callback: the same in the web process and in the worker, which
    import the same module (its function's qualified name and a digest of its source and outputs; not its file's
    path or module name, which differ between `python app.py` and `celery -A app`)."""
    func = inspect.unwrap(spec.func)
    try:
        source = inspect.getsource(func)
    except (OSError, TypeError):  # no source file (a REPL): the qualified name alone
        source = ""
    qualname = getattr(func, "__qualname__", repr(func))
    digest = hashlib.sha256(f"{qualname}\n{source}\n{spec.output_keys}".encode()).hexdigest()[:16]
    return f"propwire.background.{qualname.replace('<locals>.', '')}.{digest}"


def encode(value: Any) -> str:
    """A value as text for the broker and the result backend, whatever serializer the Celery app uses."""
    return base64.b64encode(pickle.dumps(value)).decode("ascii")


def decode(text: str | bytes) -> Any:
    return pickle.loads(base64.b64decode(text))
