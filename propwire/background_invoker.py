"""The invoker of an app with background callbacks: their calls become jobs of a manager, the rest run as usual.

A background call's outcome is awaited from its job (background_jobs.py). While the job runs, its progress and
set_props values go down the event's stream as `progress` lines (the chain's `push`), and a `job` line gives
the page the job's id, which it sends back to cancel the job (a cancel Input, a newer run). When the stream
closes (the page left), the call's task is cancelled and the job's process is stopped. Example::

    engine = Engine(graph, invoker=None)
    engine.invoker = BackgroundInvoker(engine, DiskcacheManager(diskcache.Cache("./cache")))
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from propwire.api.background import Background
from propwire.api.callbacks import CallbackSpec
from propwire.api.dependencies import id_string
from propwire.api.exceptions import BackgroundCallbackError, JobCancelled, JobLost, PreventUpdate
from propwire.background_jobs import JobRun
from propwire.core.invoker import Call, CallOutcome, LocalInvoker, Started
from propwire.core.outcomes import Job as JobItem
from propwire.core.results import progress_item

if TYPE_CHECKING:
    from propwire.core.engine import Engine


class BackgroundInvoker(LocalInvoker):
    """LocalInvoker, but a callback declared with background=True runs as a job of its manager."""

    def __init__(self, engine: Engine, default_manager: Any, managers: Iterable[Any] = ()):
        super().__init__(engine)
        self.default = default_manager
        self.managers = [m for m in {id(m): m for m in [default_manager, *managers] if m is not None}.values()]

    def start(self, call: Call) -> Started:
        if call.cb.background is None:
            return super().start(call)
        return self._job(call, call.cb.background)

    def cancel(self, job_ids: Iterable[str]) -> None:
        """Stop these jobs (the page's cancel Input fired, or it runs their callback again): by id, whichever
        web worker of this machine started them; the stream following each then ends it as `cancelled`."""
        for job_id in job_ids:
            for manager in self.managers:
                if manager.cancel(job_id):
                    break

    async def _job(self, call: Call, bg: Background) -> CallOutcome:
        cb, info = call.cb, call.info
        manager = bg.manager or self.default
        began = time.perf_counter()
        key = manager.cache_key(f"{cb.name}@{cb.where}", call.args, _ignored(cb, bg))
        if key is not None:
            hit, value = manager.cached(key)
            if hit:
                return CallOutcome(info, value=value, seconds=time.perf_counter() - began)
        run = JobRun(cb.func, call.args, call.kwargs, info, bg.progress_values if bg.progress else None,
                     bg.interval, key, manager.expire)
        try:
            job = manager.start(run)
        except Exception as exc:  # noqa: BLE001 - a manager that cannot start a job is this call's error
            return CallOutcome(info, error=BackgroundCallbackError(f"callback '{cb.name}': its job could not "
                                                                   f"start: {exc}"))
        push = call.push or (lambda item: None)
        match = dict(call.instance[1]) or None  # the MATCH instance: a newer run of it (only) supersedes this job
        push(JobItem(cb.index, job.id, match))
        try:
            outcome = await self._follow(cb, info, job, push)
        except asyncio.CancelledError:
            job.stop()
            raise
        push(JobItem(cb.index, job.id, match, ended=True))  # before the outcome's line: the page forgets the id
        if bg.progress and bg.progress_default is not None:
            push(progress_item(cb, bg.progress_values(bg.progress_default), self.engine.component_dicts))
        outcome.seconds = time.perf_counter() - began
        error = outcome.error
        if error is not None and not isinstance(error, PreventUpdate) and (cb.on_error or self.engine.on_error):
            return await self._recover(cb, info, error, began)  # type: ignore[arg-type]
        return outcome

    async def _follow(self, cb: CallbackSpec, info: Any, job: Any, push: Any) -> CallOutcome:
        """The job's frames as they come: progress pushed down the stream, then its outcome."""
        dicts = self.engine.component_dicts
        async for kind, payload in job.events():
            try:
                if kind == "progress":
                    push(progress_item(cb, payload, dicts))
                elif kind == "set_props":
                    component_id, props = payload
                    push(progress_item(cb, {f"{id_string(component_id)}.{p}": v for p, v in props.items()}, dicts,
                                       side=True))
            except Exception as exc:  # noqa: BLE001 - a value the page cannot take stops the job: the call's error
                job.stop()
                return CallOutcome(info, error=exc)
            if kind == "result":
                return CallOutcome(info, value=payload)
            if kind == "prevent":
                return CallOutcome(info, error=PreventUpdate())
            if kind == "error":
                return CallOutcome(info, error=payload)
            if kind == "cancelled":
                return CallOutcome(info, error=JobCancelled())
            if kind == "lost":
                return CallOutcome(info, error=JobLost(
                    f"callback '{cb.name}': its background job stopped before it finished ({payload}); "
                    "its outputs were not updated: run it again"))
        return CallOutcome(info, error=JobLost(f"callback '{cb.name}': its background job ended without an answer"))


def _ignored(cb: CallbackSpec, bg: Background) -> set[int]:
    """cache_args_to_ignore as argument positions (names are looked up in the function's signature)."""
    if not bg.cache_args_to_ignore:
        return set()
    names = [p.name for p in inspect.signature(cb.func).parameters.values()]
    if bg.progress:
        names = names[1:]  # set_progress is not among the call's arguments
    return {names.index(i) if isinstance(i, str) and i in names else i for i in bg.cache_args_to_ignore
            if isinstance(i, int) or i in names}
