"""The embedded background-callback manager: each job a forked worker process, its state on local disk.

`DiskcacheManager(cache)` is Dash's name and signature. A job runs in a process of its own (forked from the web
worker, so the app's functions need no pickling), and talks back over a pipe: each `set_progress` and
`set_props` call is a frame the web worker forwards down the event's open stream at once, then the result.
The job's record (process id, status, last progress, result) lives in the `diskcache.Cache`, on local disk, so
any web worker on the machine can look a job up by id (`state`) or stop it (`cancel`). Another manager (Celery)
fits the same four methods: `start`, `follow` (via the returned `Job`), `cancel` and `state`. Example::

    import diskcache
    manager = DiskcacheManager(diskcache.Cache("./cache"))
    app = Dash(background_callback_manager=manager)
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import pickle
import secrets
import signal
import struct
import threading
import time
import traceback
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from propwire.api.context import _current
from propwire.api.exceptions import PreventUpdate

__all__ = ["DiskcacheManager", "Job", "JobRun", "call_cache_key"]

_HEAD = struct.Struct(">I")
_RECORD_TTL = 24 * 3600  # a job's record outlives it by a day: long enough to be looked up, then it expires


@dataclass
class JobRun:
    """What a job runs: the function and its arguments (set_progress first when `progress` is True), the call's
    ctx, how set_progress values map to props, and the interval (ms) at which progress is recorded on disk."""

    func: Callable[..., Any]
    args: list
    kwargs: dict
    info: Any
    progress: Callable[[Any], dict[str, Any]] | None
    interval_ms: float
    cache_key: str | None = None
    cache_expire: float | None = None


class DiskcacheManager:
    """Runs background callbacks' jobs in worker processes on this machine, their state in a diskcache.Cache.

    Dash's embedded manager, under Dash's name, so an app's `DiskcacheManager(cache)` runs unchanged; it needs
    no service, and any web worker of the machine can look a job up or stop it by id. Example:
    docs/examples/propwire.DiskcacheManager.py.

    Parameters:
        cache: a `diskcache.Cache` (None: a new one in a temporary folder, as Dash does).
        cache_by: functions of no argument whose values join a job's cache key: with them, a call with the same
            arguments (and the same values) is answered from the cache without a job.
        expire: seconds a cached result is kept (with cache_by).
    """

    def __init__(self, cache: Any = None, cache_by: list[Callable[[], Any]] | None = None,
                 expire: float | None = None):
        try:
            import diskcache
        except ImportError as exc:  # optional: only apps with background callbacks need it
            raise ImportError("DiskcacheManager needs the diskcache package: pip install diskcache") from exc
        if cache is None:
            cache = diskcache.Cache()
        elif not isinstance(cache, diskcache.Cache):
            raise TypeError(f"DiskcacheManager(cache=...) takes a diskcache.Cache, got {type(cache).__name__}")
        if cache_by is not None and not all(callable(f) for f in cache_by):
            raise TypeError("DiskcacheManager(cache_by=...) takes a list of functions of no argument")
        self.handle, self.cache_by, self.expire = cache, list(cache_by or []), expire

    # -- the manager interface --------------------------------------------------------------------------

    def start(self, run: JobRun) -> Job:
        """Start a job's process; the Job follows it from this web worker (its `events()`), and its id finds
        it from any other (`state`, `cancel`). Example: docs/examples/propwire.DiskcacheManager.start.py."""
        job_id = secrets.token_hex(16)
        read_fd, write_fd = os.pipe()
        self.handle.set(_key(job_id), {"status": "starting", "pid": None}, expire=_RECORD_TTL)
        pid = os.fork()
        if pid == 0:  # the job's process: never returns
            os.close(read_fd)
            _child(write_fd, run)
        os.close(write_fd)
        with contextlib.suppress(OSError):
            os.setpgid(pid, pid)  # its own group, so a cancel stops what it starts too
        self._update(job_id, status="running", pid=pid, started=time.time())
        return Job(self, job_id, pid, read_fd, _Recorder(self, job_id, run))

    def cancel(self, job_id: str) -> bool:
        """Stop a job's process, from any web worker of this machine: False if no such job is running.

        >>> import diskcache, tempfile
        >>> from propwire import DiskcacheManager
        >>> DiskcacheManager(diskcache.Cache(tempfile.mkdtemp())).cancel("0123abcd")
        False
        """
        record = self.state(job_id)
        if not record or record.get("status") not in ("starting", "running") or not record.get("pid"):
            return False
        self._update(job_id, status="cancelled")
        _kill(record["pid"])
        return True

    def state(self, job_id: str) -> dict[str, Any] | None:
        """A job's record: status (running, done, error, cancelled, lost), pid, last progress, result; None
        for an id it has no record of (any web worker of the machine reads the same records).

        >>> import diskcache, tempfile
        >>> from propwire import DiskcacheManager
        >>> DiskcacheManager(diskcache.Cache(tempfile.mkdtemp())).state("0123abcd") is None
        True
        """
        return self.handle.get(_key(job_id))

    def cache_key(self, name: str, args: list, ignore: set[int]) -> str | None:
        """The key a call's result is cached under (with cache_by), else None: no result is reused.

        >>> import diskcache, tempfile
        >>> from propwire import DiskcacheManager
        >>> manager = DiskcacheManager(diskcache.Cache(tempfile.mkdtemp()), cache_by=[lambda: "v1"])
        >>> manager.cache_key("report", [1, "a"], ignore={1}) == manager.cache_key("report", [1, "b"], ignore={1})
        True
        """
        return call_cache_key(self.cache_by, name, args, ignore)

    def cached(self, key: str) -> tuple[bool, Any]:
        """(True, value) when a result is cached under `key`, else (False, None).

        >>> import diskcache, tempfile
        >>> from propwire import DiskcacheManager
        >>> DiskcacheManager(diskcache.Cache(tempfile.mkdtemp())).cached("pw-result:none")
        (False, None)
        """
        found = self.handle.get(key, default=_MISSING)
        return (False, None) if found is _MISSING else (True, found)

    def _update(self, job_id: str, **fields: Any) -> None:
        with self.handle.transact():
            record = self.handle.get(_key(job_id)) or {}
            if record.get("status") == "cancelled" and fields.get("status") not in (None, "cancelled"):
                fields.pop("status")  # a cancel made elsewhere stands
            self.handle.set(_key(job_id), {**record, **fields}, expire=_RECORD_TTL)


_MISSING = object()


def call_cache_key(cache_by: list[Callable[[], Any]], name: str, args: list, ignore: set[int]) -> str | None:
    """A call's cache key from its callback's name, its arguments but the ignored ones, and the cache_by
    values (CeleryManager keys its cache the same way); None without cache_by or for unpicklable arguments."""
    if not cache_by:
        return None
    kept = [a for i, a in enumerate(args) if i not in ignore]
    try:
        blob = pickle.dumps((name, kept, [f() for f in cache_by]))
    except Exception:  # noqa: BLE001 - arguments that cannot be pickled are never cached
        return None
    return "pw-result:" + hashlib.sha256(blob).hexdigest()


class Job:
    """One started job, followed by the web worker that started it: `events()` yields its frames as they come,
    `("progress", {key: value})` and `("set_props", (id, props))`, and ends with its outcome:
    `("result", value)`, `("prevent", None)`, `("error", exception)`, `("cancelled", None)` or `("lost", why)`."""

    def __init__(self, manager: DiskcacheManager, job_id: str, pid: int, read_fd: int, recorder: _Recorder):
        self.manager, self.id, self.pid, self._fd, self._recorder = manager, job_id, pid, read_fd, recorder
        self.ended = False
        self._reading = False  # events() owns the pipe's end from its start (and closes it)

    async def events(self) -> AsyncIterator[tuple[str, Any]]:
        self._reading = True
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader()
        transport, _ = await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader),
                                                    os.fdopen(self._fd, "rb", buffering=0))
        try:
            while True:
                try:
                    size = _HEAD.unpack(await reader.readexactly(_HEAD.size))[0]
                    frame = pickle.loads(await reader.readexactly(size))
                except asyncio.IncompleteReadError:
                    break  # the pipe closed: the process is gone
                if frame[0] in ("result", "prevent", "error"):
                    self.ended = True
                self._recorder.frame(*frame)
                yield frame
                if self.ended:
                    break
        finally:
            transport.close()
        status = await asyncio.to_thread(_reap, self.pid)
        if not self.ended:
            self.ended = True
            yield self._lost(status)

    def _lost(self, status: int | None) -> tuple[str, Any]:
        record = self.manager.state(self.id) or {}
        if record.get("status") == "cancelled":
            return "cancelled", None
        if status is not None and os.WIFSIGNALED(status):
            why = f"its worker process was killed by {signal.Signals(os.WTERMSIG(status)).name}"
        else:
            code = os.WEXITSTATUS(status) if status is not None else "unknown"
            why = f"its worker process exited (status {code}) without an answer"
        self.manager._update(self.id, status="lost", error=why)
        return "lost", why

    def stop(self) -> None:
        """The stream went away or a newer run replaced this one: the process is stopped, and reaped."""
        if self.ended:
            return
        self.ended = True
        self.manager.cancel(self.id)
        if not self._reading:  # stopped before it was followed: nobody else closes the pipe's end
            with contextlib.suppress(OSError):
                os.close(self._fd)
        threading.Thread(target=_reap, args=(self.pid,), daemon=True).start()


def _key(job_id: str) -> str:
    return f"pw-job:{job_id}"


def _kill(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def _reap(pid: int) -> int | None:
    try:
        return os.waitpid(pid, 0)[1]
    except ChildProcessError:
        return None


class _Frames:
    """The job process's end of the pipe: one length-prefixed pickle per frame."""

    def __init__(self, fd: int):
        self.fd = fd

    def send(self, frame: tuple[str, Any]) -> None:
        try:
            body = pickle.dumps(frame)
        except Exception as exc:  # noqa: BLE001 - a value that cannot leave the process is the call's error
            body = pickle.dumps(("error", TypeError(f"the job's {frame[0]} value cannot be sent back: {exc}")))
        data = _HEAD.pack(len(body)) + body
        while data:
            data = data[os.write(self.fd, data):]


class FrameSink(Protocol):
    """Where a job's frames go: the pipe here, the job's Redis stream on Celery (background_celery_task.py)."""

    def send(self, frame: tuple[str, Any]) -> None: ...


class _LiveUpdates(list):
    """ctx's set_props list in a job: each call goes to the page at once instead of with the result."""

    def __init__(self, frames: FrameSink):
        super().__init__()
        self.frames = frames

    def append(self, item: Any) -> None:
        self.frames.send(("set_props", item))


def _child(write_fd: int, run: JobRun) -> None:
    """The job's process: run the function, send its frames, exit (never returns). It touches no sqlite file
    nor any lock another thread of the web worker may have held at the fork: the web worker records the job."""
    code = 0
    try:
        with contextlib.suppress(OSError):
            os.setpgid(0, 0)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        frames = _Frames(write_fd)
        if run.info is not None:  # the call's ctx: its set_props calls go to the page at once
            run.info.side_updates = _LiveUpdates(frames)
            _current.set(run.info)
        args = list(run.args)
        if run.progress is not None:
            args.insert(0, _progress_setter(run.progress, frames))
        _finish(frames, run, args)
    except BaseException:  # noqa: BLE001 - the process must exit, whatever happened
        traceback.print_exc()
        code = 1
    finally:
        os._exit(code)


def _finish(frames: _Frames, run: JobRun, args: list) -> None:
    try:
        value = run.func(*args, **run.kwargs)
    except PreventUpdate:
        frames.send(("prevent", None))
        return
    except Exception as exc:  # noqa: BLE001 - the web worker reports it as the callback's error
        traceback.print_exc()
        frames.send(("error", _portable(exc)))
        return
    frames.send(("result", value))


def _progress_setter(to_values: Callable[[Any], dict[str, Any]], frames: FrameSink) -> Callable:
    def set_progress(value: Any) -> None:
        frames.send(("progress", to_values(value)))  # a wrong shape raises here, in the user's code

    return set_progress


def _portable(exc: Exception) -> Exception:
    """The exception itself when it pickles (its type and message reach the web worker), else a stand-in."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{type(exc).__name__}: {exc}")


class _Recorder:
    """The job's record, kept by the web worker following it: progress at most once per interval, the end always."""

    def __init__(self, manager: DiskcacheManager, job_id: str, run: JobRun):
        self.manager, self.id, self.run = manager, job_id, run
        self.every = run.interval_ms / 1000
        self.last = 0.0
        self.pending: dict[str, Any] | None = None

    def frame(self, kind: str, payload: Any) -> None:
        if kind == "progress":
            self.pending = payload
            if time.monotonic() - self.last >= self.every:
                self.manager._update(self.id, progress=payload)
                self.last, self.pending = time.monotonic(), None
        elif kind in ("result", "prevent", "error"):
            fields: dict[str, Any] = {"status": "error" if kind == "error" else "done"}
            if kind == "result":
                fields["result"] = payload
            if self.pending is not None:
                fields["progress"] = self.pending
            with contextlib.suppress(Exception):  # a result the cache cannot pickle is still the page's
                self.manager._update(self.id, **fields)
                if kind == "result" and self.run.cache_key is not None:
                    self.manager.handle.set(self.run.cache_key, payload, expire=self.run.cache_expire)
