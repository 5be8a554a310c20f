"""Where a sync callback runs: on a worker thread, or inline on the event loop once it has proved fast.

A hop to a worker thread and back costs 60–120 µs, more than most callbacks take. Python code holds the GIL
anyway, so a thread only helps a callback that waits (sleep, I/O) or computes for long. A sync callback
therefore starts on worker threads; after `PROOF` calls in a row that each took under `FAST_SECONDS`, it
runs inline on the event loop; an inline call that takes over `SLOW_SECONDS` sends it back to threads for
good. The worst case is one slow call blocking the loop once. `Dash(inline_fast_callbacks=False)` keeps
every sync callback on threads.
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
PROOF = 3


class Placement:
    """Per callback: how many fast thread calls in a row it has made, and whether it lost its inline place."""

    def __init__(self, enabled: bool = True):
        self.enabled = enabled
        self.fast_runs: dict[int, int] = {}
        self.demoted: set[int] = set()

    def inline(self, cb: CallbackSpec) -> bool:
        """Whether this call may run on the event loop (never async ones, nor ones with running=)."""
        return (self.enabled and not cb.is_async and not cb.running and cb.index not in self.demoted
                and self.fast_runs.get(cb.index, 0) >= PROOF)

    def record(self, cb: CallbackSpec, seconds: float, inline: bool) -> None:
        if inline:
            if seconds > SLOW_SECONDS:
                self.demoted.add(cb.index)
        elif seconds < FAST_SECONDS:
            self.fast_runs[cb.index] = self.fast_runs.get(cb.index, 0) + 1
        else:
            self.fast_runs[cb.index] = 0


def call_in_thread(info: CallInfo, func: Any, args: list[Any], kwargs: dict[str, Any]) -> tuple[Any, float]:
    """Run a sync callback (in a worker thread) with ctx bound to its own call, in a copy of the caller's context
    (so a tracing span current around the call stays current in it); returns its value and its duration."""
    began = time.perf_counter()
    value = contextvars.copy_context().run(_bound, info, func, args, kwargs)
    return value, time.perf_counter() - began


def call_inline(info: CallInfo, func: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
    """Run a sync callback on the event loop's thread as if it were a worker thread: no running loop in sight
    (so `asyncio.run` inside it works as it does there)."""
    loop = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)
    try:
        return contextvars.copy_context().run(_bound, info, func, args, kwargs)
    finally:
        asyncio.events._set_running_loop(loop)


def _bound(info: CallInfo, func: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
    _current.set(info)
    return func(*args, **kwargs)
