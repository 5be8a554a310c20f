"""The invoker: where and how a prepared call runs — the seam between the chain and the user's code.

The chain hands an `Invoker` a `Call` (the callback, its ctx and its arguments) and gets back its `CallOutcome`,
either at once (a call made right there) or as an awaitable (a call running elsewhere). `LocalInvoker` is
today's: sync callbacks on the engine's bounded thread pool, `inline=True` ones on the loop, async ones as tasks
on the loop, each under its timeout, with the on_error handler and the telemetry span. Another invoker (a process
pool, a task queue for background callbacks) plugs in with `Engine(..., invoker=...)`. Example::

    class Recording(LocalInvoker):
        def start(self, call):
            print("calling", call.cb.name)
            return super().start(call)
"""

from __future__ import annotations

import contextlib
import logging
import time
import traceback
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from propwire.api.callbacks import CallbackSpec
from propwire.api.context import CallInfo, _current
from propwire.api.dependencies import NoUpdate
from propwire.api.exceptions import PreventUpdate
from propwire.core import telemetry, threads
from propwire.core.steps import Instance

if TYPE_CHECKING:
    from propwire.core.engine import Engine

log = logging.getLogger("propwire")


@dataclass
class Call:
    """One prepared call: what it calls, with which ctx and arguments, and what triggered it."""

    cb: CallbackSpec
    instance: Instance
    info: CallInfo
    args: list
    kwargs: dict
    triggers: list[str]
    # Sends an item down the chain's stream while the call runs (a background job's Job and Progress items)
    push: Callable[[Any], None] | None = None


@dataclass
class CallOutcome:
    """What a call came to: its return value, or the exception it raised, and how long it took."""

    info: CallInfo
    value: Any = None
    error: BaseException | None = None
    seconds: float = 0.0


Started = CallOutcome | Awaitable[CallOutcome]


class Invoker(Protocol):
    """Runs calls. `start` returns the outcome when the call was made right there, else an awaitable of it (the
    chain awaits it as a task, and cancels that task when the response is gone)."""

    def start(self, call: Call) -> Started: ...


class LocalInvoker:
    """Calls in this process: sync ones on the engine's pool (or inline), async ones on the loop (threads.py)."""

    def __init__(self, engine: Engine):
        self.engine = engine  # read at each call: its pool, on_error and timeouts

    def start(self, call: Call) -> Started:
        if call.cb.inline:
            return self._inline(call)
        return self._call(call)

    async def _call(self, call: Call) -> CallOutcome:
        """A call in a task, under its timeout: async callbacks on the loop, sync ones on the engine's pool."""
        cb, info = call.cb, call.info
        with _span(cb, call.triggers) as span:
            began = time.perf_counter()
            timeout = self.engine.timeout_for(cb)
            try:
                if cb.is_async:
                    _current.set(info)  # this task runs in its own copy of the context
                    value = await threads.run_async(self._around_async(info, cb.func(*call.args, **call.kwargs)),
                                                    cb.name, timeout)
                else:
                    value = await self.engine.pool.run(cb.index, cb.name, timeout, threads.call_bound,
                                                       (info, self._around(info, cb.func), call.args, call.kwargs))
                outcome = CallOutcome(info, value=value, seconds=time.perf_counter() - began)
            except Exception as exc:  # noqa: BLE001 - every failure becomes an error item (S8)
                outcome = self._failed(cb, info, exc, began) or await self._recover(cb, info, exc, began)
            _mark(span, outcome)
            return outcome

    def _inline(self, call: Call) -> Started:
        """An `inline=True` sync callback: called right here on the loop, its outcome ready at once."""
        cb, info = call.cb, call.info
        with _span(cb, call.triggers) as span:
            began = time.perf_counter()
            try:
                value = threads.call_inline(info, self._around(info, cb.func), call.args, call.kwargs)
            except Exception as exc:  # noqa: BLE001
                outcome = self._failed(cb, info, exc, began)
                if outcome is None:  # on_error runs in a task, as any handler may be slow
                    return self._recover(cb, info, exc, began)
            else:
                outcome = CallOutcome(info, value=value, seconds=time.perf_counter() - began)
            _mark(span, outcome)
            return outcome

    def _around(self, info: CallInfo, func: Any) -> Any:
        """The callback, entered inside the engine's around_call (a Flask request context) when it has one."""
        around = self.engine.around_call
        if around is None:
            return func

        def within(*args: Any, **kwargs: Any) -> Any:
            with around(info):
                return func(*args, **kwargs)

        return within

    async def _around_async(self, info: CallInfo, coro: Any) -> Any:
        around = self.engine.around_call
        if around is None:
            return await coro
        with around(info):
            return await coro

    def _failed(self, cb: CallbackSpec, info: CallInfo, exc: Exception, began: float) -> CallOutcome | None:
        """The outcome of a call that raised, unless an on_error handler must be called first."""
        if isinstance(exc, PreventUpdate):
            return CallOutcome(info, error=exc)
        if (cb.on_error or self.engine.on_error) is None:
            return CallOutcome(info, error=exc, seconds=time.perf_counter() - began)
        return None

    async def _recover(self, cb: CallbackSpec, info: CallInfo, exc: Exception, began: float) -> CallOutcome:
        """on_error's value stands in for the callback's (None: no update); if it raises too, that is the error."""
        log_error(cb, exc)
        handler = cb.on_error or self.engine.on_error
        try:  # app code too: on the pool, under the callback's timeout, counted in the callback's share
            handled = await self.engine.pool.run(cb.index, cb.name, self.engine.timeout_for(cb), threads.call_bound,
                                                 (info, handler, [exc], {}))
        except Exception as second:  # noqa: BLE001
            return CallOutcome(info, error=second)
        value = handled if handled is not None else NoUpdate()
        return CallOutcome(info, value=value, seconds=time.perf_counter() - began)


def log_error(cb: CallbackSpec, exc: BaseException) -> None:
    log.error("%s raised %s", cb.describe(), "".join(traceback.format_exception(exc)).rstrip())


def _span(cb: CallbackSpec, triggers: list[str]) -> Any:
    if not telemetry.enabled():
        return contextlib.nullcontext()
    return telemetry.span(f"propwire callback {cb.name}", {
        "propwire.callback": cb.name, "propwire.callback.index": cb.index, "propwire.callback.where": cb.where,
        "propwire.triggered": triggers, "propwire.outputs": cb.output_keys})


def _mark(span: Any, outcome: CallOutcome) -> None:
    if isinstance(outcome.error, PreventUpdate):
        telemetry.annotate(span, {"propwire.skipped": "PreventUpdate"})
    elif outcome.error is not None:
        telemetry.failed(span, outcome.error)
