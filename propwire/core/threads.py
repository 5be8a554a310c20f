"""Where callbacks run: sync ones on a bounded pool of worker threads the engine owns, each call under a timeout.

The threat (docs/security.md, Callbacks): every user's events and page loads share one event loop per worker process,
so a sync callback that blocks on it (a lock, slow I/O, a 3 s computation) stalls everyone. So a sync callback
never runs on the loop unless the app marks it `@callback(..., inline=True)` ("it never blocks"); the rest go
to the pool below. Async callbacks run on the loop, as their `await`s let others in between.

Timeouts. Each call has a time limit: the callback's `timeout=`, else the app's `Dash(callback_timeout=...)`
(`DEFAULT_TIMEOUT`, 30 s; None: none). Past it the call ends with `CallbackTimeout`, the same path as a raised
exception (on_error, the error line naming the callback, the debug overlay); the chain goes on. An async call is
cancelled. A sync thread cannot be killed: it keeps running until the function returns, and the pool counts its
thread as busy until then, now "stuck" (running past its deadline).

The pool (`Pool`), sized by `Dash(callback_threads=N)` (`DEFAULT_THREADS`):
- At most N calls run at once that are within their time ("live"); more wait in a FIFO queue for a thread.
  The wait counts towards the call's timeout, so no call waits for ever unless it asked for no limit.
- A stuck thread does not count against those N: a replacement thread is started for it, but only for up to
  `spare` stuck threads (default N), so at most 2N threads ever exist. Past that, stuck threads do count.
- One callback may hold at most `per_callback` threads (`Dash(threads_per_callback=...)`, default N // 2),
  stuck ones included, so one callback that hangs (a user clicking a broken button again and again) cannot
  take the threads every other callback needs; its further calls wait for one of its own to end.
- Fail fast: a call that could only wait on stuck threads (the whole pool, or its callback's share, held by
  calls past their timeout) fails at once with `NoWorkerThread`, naming the callback, instead of queueing.
Threads are started on demand and end after `IDLE_SECONDS` without work. One pool serves every event loop of
the process (tests run one per request); the state lives under one lock, and results reach each call's own
loop with `call_soon_threadsafe`. Example::

    pool = Pool(threads=4)
    value = await pool.run(key=0, name="slow", timeout=2.0, func=time.sleep, args=(0.1,))
"""

from __future__ import annotations

import asyncio
import collections
import contextvars
import itertools
import math
import queue
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

from propwire.api.context import CallInfo, _current
from propwire.api.exceptions import CallbackTimeout, NoWorkerThread

DEFAULT_TIMEOUT = 30.0
DEFAULT_THREADS = 32
IDLE_SECONDS = 30.0
THREAD_PREFIX = "propwire-callback"


def check_timeout(seconds: Any) -> float | None:
    """Dash(callback_timeout=...): seconds above 0, or None for no limit."""
    if seconds is not None and (isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not seconds > 0):
        raise ValueError(f"callback_timeout takes a number of seconds above 0, or None for no limit; got {seconds!r}")
    return seconds


def check_pool(threads: Any, per_callback: Any) -> None:
    """Dash(callback_threads=..., threads_per_callback=...): whole numbers of at least 1 (or None for the share)."""
    def whole(value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and value >= 1

    if not whole(threads):
        raise ValueError(f"callback_threads takes a whole number of at least 1, got {threads!r}")
    if per_callback is not None and not whole(per_callback):
        raise ValueError(f"threads_per_callback takes a whole number of at least 1, or None, got {per_callback!r}")


class _Job:
    """One call handed to the pool: waiting for a thread, running, or done."""

    __slots__ = ("key", "name", "func", "args", "deadline", "loop", "future", "state", "context")

    def __init__(self, key: Any, name: str, func: Callable[..., Any], args: tuple, timeout: float | None,
                 loop: asyncio.AbstractEventLoop, future: asyncio.Future):
        self.key, self.name, self.func, self.args = key, name, func, args
        self.deadline = math.inf if timeout is None else time.monotonic() + timeout
        self.loop, self.future = loop, future
        self.context = contextvars.copy_context()  # the caller's (a tracing span current around it stays current)
        # "waiting" -> "running" -> "done"; or "failed" (no thread could be had), or "dropped" (its caller left
        # while it waited). A running job whose caller left still runs, unless no thread has taken it yet.
        self.state = "waiting"


class Pool:
    """A bounded set of worker threads for sync callbacks (the module docstring has the rules)."""

    def __init__(self, threads: int = DEFAULT_THREADS, per_callback: int | None = None, spare: int | None = None):
        check_pool(threads, per_callback)
        self.size = threads
        self.per_callback = min(per_callback or max(1, threads // 2), threads)
        self.spare = threads if spare is None else spare
        self._lock = threading.Lock()
        self._work: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self._threads = 0
        self._waiting: collections.deque[_Job] = collections.deque()
        self._running: dict[Any, list[_Job]] = {}  # by callback key
        self._count = 0  # jobs in _running

    def busy(self) -> tuple[int, int]:
        """(threads running a call, of which past their deadline): what the pool accounts for."""
        with self._lock:
            now = time.monotonic()
            jobs = [j for js in self._running.values() for j in js]
            return len(jobs), sum(j.deadline < now for j in jobs)

    async def run(self, key: Any, name: str, timeout: float | None, func: Callable[..., Any], args: tuple = ()) -> Any:
        """func(*args) on a worker thread; CallbackTimeout past `timeout`, NoWorkerThread if none can be had."""
        loop = asyncio.get_running_loop()
        job = _Job(key, name, func, args, timeout, loop, loop.create_future())
        with self._lock:
            if not self._waiting and self._count < self.size and len(self._running.get(key, ())) < self.per_callback:
                self._start(job)  # the usual case: a thread is free; nothing to scan
                settle: list[tuple[_Job, bool, Any]] = []
            else:
                self._waiting.append(job)
                settle = self._dispatch()
        if settle:
            _settle_all(settle)
        # A timer handle, not asyncio.timeout(): the hop to a thread is on every sync call's path, and a plain
        # timer that fails the future is cheaper than a cancel scope.
        timer = None if timeout is None else loop.call_later(timeout, _expire, job, timeout)
        try:
            return await job.future
        finally:
            if timer is not None:
                timer.cancel()
            if job.state in ("waiting", "running"):  # timed out or cancelled: free its place if no thread has it yet
                with self._lock:
                    if job.state == "waiting":
                        self._waiting.remove(job)
                        job.state = "dropped"
                    settle = self._dispatch()  # it may just have become stuck: waiting calls may now fail fast
                _settle_all(settle)

    # -- under the lock -------------------------------------------------------------------

    def _dispatch(self) -> list[tuple[_Job, bool, Any]]:
        """Start what may start, fail what could only wait on stuck threads; the failures to settle (unlocked)."""
        now = time.monotonic()
        running = [j for js in self._running.values() for j in js] if self._running else []
        live = sum(j.deadline >= now for j in running)
        failed: list[tuple[_Job, bool, Any]] = []
        kept: collections.deque[_Job] = collections.deque()
        for i, job in enumerate(self._waiting):
            failure: str | None = None
            mine = self._running.get(job.key, [])
            pool_full = live >= self.size or len(running) >= self.size + self.spare
            if pool_full and live == len(running):  # full of live calls: nothing can start, none fails (fast path
                kept.extend(itertools.islice(self._waiting, i, None))  # for a long queue)
                break
            share_full = len(mine) >= self.per_callback
            if not pool_full and not share_full:
                self._start(job)
                running.append(job)
                live += job.deadline >= now
                continue
            if share_full and not any(j.deadline >= now for j in mine):
                failure = self._share_message(len(mine))
            elif pool_full and live == 0:
                failure = self._pool_message(len(running))
            if failure is None:
                kept.append(job)
            else:
                job.state = "failed"
                failed.append((job, False, NoWorkerThread(job.name, failure)))
        self._waiting = kept
        return failed

    def _share_message(self, held: int) -> str:
        return (f"its {held} calls still running are all past their timeout, and one callback may hold at most "
                f"{self.per_callback} of the {self.size} callback threads")

    def _pool_message(self, held: int) -> str:
        return f"all {held} callback threads are held by calls past their timeout"

    def _start(self, job: _Job) -> None:
        job.state = "running"
        self._running.setdefault(job.key, []).append(job)
        self._count += 1
        self._work.put(job)
        if self._threads < self._count:  # every running job has its thread
            self._threads += 1
            threading.Thread(target=self._worker, name=f"{THREAD_PREFIX}-{id(self):x}-{self._threads}",
                             daemon=True).start()

    def _finished(self, job: _Job) -> list[tuple[_Job, bool, Any]]:
        job.state = "done"
        mine = self._running[job.key]
        mine.remove(job)
        self._count -= 1
        if not mine:
            del self._running[job.key]
        return self._dispatch() if self._waiting else []

    # -- on a worker thread ---------------------------------------------------------------

    def _worker(self) -> None:
        while True:
            try:
                job = self._work.get(timeout=IDLE_SECONDS)
            except queue.Empty:
                with self._lock:  # leave only if every running job still has a thread without this one
                    if self._threads > self._count:
                        self._threads -= 1
                        return
                continue
            if job.future.done():  # its caller went away before this thread took it
                outcome: tuple[bool, Any] = (False, None)
            else:
                try:
                    outcome = (True, job.context.run(job.func, *job.args))
                except BaseException as exc:  # noqa: BLE001 - it goes to the caller, whatever it is
                    outcome = (False, exc)
            with self._lock:
                settle = self._finished(job)
            _settle_all([(job, *outcome), *settle])
            del job, outcome  # a large return value is not kept alive while the thread waits


def _settle_all(items: list[tuple[_Job, bool, Any]]) -> None:
    for job, ok, value in items:
        try:
            job.loop.call_soon_threadsafe(_settle, job.future, ok, value)
        except RuntimeError:  # that loop is closed: nobody waits for the result any more
            pass


def _expire(job: _Job, timeout: float) -> None:
    """A call's timer ran out (on its loop): its caller gets CallbackTimeout; a thread running it runs on."""
    if not job.future.done():
        job.future.set_exception(CallbackTimeout(job.name, timeout, job.state != "waiting"))


def _settle(future: asyncio.Future, ok: bool, value: Any) -> None:
    if future.done():
        return
    if ok:
        future.set_result(value)
    elif value is not None:
        future.set_exception(value)


async def run_async(coro: Awaitable[Any], name: str, timeout: float | None) -> Any:
    """An async callback's call under its timeout: past it the coroutine is cancelled and CallbackTimeout raised."""
    if timeout is None:
        return await coro
    try:
        async with asyncio.timeout(timeout) as scope:
            return await coro
    except TimeoutError:
        if scope.expired():
            raise CallbackTimeout(name, timeout, True) from None
        raise


def call_bound(info: CallInfo, func: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """A sync callback with ctx bound to its own call, in a copy of the current context (on a pool thread, that of
    the caller of Pool.run), so the binding does not leak into what runs next."""
    return contextvars.copy_context().run(_bound, info, func, args, kwargs)


def call_inline(info: CallInfo, func: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """call_bound on the event loop's thread (an `inline=True` callback) as if it were a worker thread: no running
    loop in sight, so `asyncio.run` inside the callback works as it does there."""
    loop = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)
    try:
        return call_bound(info, func, args, kwargs)
    finally:
        asyncio.events._set_running_loop(loop)


def _bound(info: CallInfo, func: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
    _current.set(info)
    return func(*args, **kwargs)
