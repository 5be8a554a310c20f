"""Where a sync callback runs: on a worker thread, or inline on the event loop once it has proved fast.

A hop to a worker thread and back costs 60–120 µs, more than most callbacks take. Python code holds the GIL
anyway, so a thread only helps a callback that waits (sleep, I/O) or computes for long. A sync callback
therefore starts on worker threads, timed there twice over: CPU time and wall time. A call that computed
under `FAST_SECONDS` and took under `WAIT_SECONDS` of wall time counts towards its proof; any other call
restarts it. (Wall time alone proves little on a worker thread: under load it waits for the GIL while the
loop runs, so only long waits count against it.) After `PROOF` such calls it runs inline on the event loop,
where waiting shows: it goes back to threads for good after an inline call that computed over
`SLOW_SECONDS`, or when `STRIKES` of its last 8 inline calls each waited over `FAST_SECONDS` (one such call
proves nothing: the OS may have paused the process). So a callback that turns out to wait blocks the loop
a few times at most, for under `WAIT_SECONDS` each unless its waits grew. `Dash(inline_fast_callbacks=False)`
keeps every sync callback on threads.
"""

from __future__ import annotations

import asyncio
import contextvars
import time
from typing import Any

from .callbacks import CallbackSpec
from .context import CallInfo, _current

FAST_SECONDS = 0.001
SLOW_SECONDS = 0.005
WAIT_SECONDS = 0.02
PROOF = 3
STRIKES = 3


class Placement:
    """Per callback: its fast thread calls in a row, which of its last inline calls waited, whether it lost its
    place."""

    def __init__(self, enabled: bool = True):
        self.enabled = enabled
        self.fast_runs: dict[int, int] = {}
        self.waits: dict[int, int] = {}  # a bit per inline call, the latest lowest: 1 when it waited
        self.demoted: set[int] = set()

    def inline(self, cb: CallbackSpec) -> bool:
        """Whether this call may run on the event loop (never async ones, nor ones with running=)."""
        return (self.enabled and not cb.is_async and not cb.running and cb.index not in self.demoted
                and self.fast_runs.get(cb.index, 0) >= PROOF)

    def record(self, cb: CallbackSpec, wall: float, cpu: float, inline: bool) -> None:
        if inline:
            waits = self.waits[cb.index] = (self.waits.get(cb.index, 0) << 1 | (wall - cpu > FAST_SECONDS)) & 0xFF
            if cpu > SLOW_SECONDS or bin(waits).count("1") >= STRIKES:
                self.demoted.add(cb.index)
        elif cpu < FAST_SECONDS and wall < WAIT_SECONDS:
            self.fast_runs[cb.index] = self.fast_runs.get(cb.index, 0) + 1
        else:
            self.fast_runs[cb.index] = 0


def call_timed(info: CallInfo, func: Any, args: list[Any], kwargs: dict[str, Any]) -> tuple[Any, float, float]:
    """Run a sync callback with ctx bound to its own call, in a copy of the caller's context (so a tracing span
    current around the call stays current in it); returns its value, wall and CPU time."""
    wall, cpu = time.perf_counter(), time.thread_time()
    value = contextvars.copy_context().run(_bound, info, func, args, kwargs)
    return value, time.perf_counter() - wall, time.thread_time() - cpu


def call_inline(info: CallInfo, func: Any, args: list[Any], kwargs: dict[str, Any]) -> tuple[Any, float, float]:
    """call_timed on the event loop's thread as if it were a worker thread: no running loop in sight (so
    `asyncio.run` inside the callback works as it does there)."""
    loop = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)
    try:
        return call_timed(info, func, args, kwargs)
    finally:
        asyncio.events._set_running_loop(loop)


def _bound(info: CallInfo, func: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
    _current.set(info)
    return func(*args, **kwargs)
