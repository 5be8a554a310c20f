"""The engine: which callbacks run, in which order, with which arguments (DESIGN.md S1–S9).

It does no I/O: the server, the page load and the test client all feed it a
layout view and a set of changed props, and forward the steps it yields.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import time
import traceback
from dataclasses import dataclass, field
from typing import Any, AsyncIterator

import anyio

from .context import CallInfo, _current
from .dependencies import NoUpdate
from .exceptions import InvalidCallbackReturnValue, PreventUpdate
from .graph import CallbackSpec, Graph
from .layout import LayoutView
from .serialize import Fragment, to_json_value

log = logging.getLogger("propwire")


@dataclass
class Event:
    """One user action as the browser reports it (see docs/protocol.md)."""

    changed: dict[str, Any] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    present: dict[str, list[str]] = field(default_factory=dict)
    pending: set[str] = field(default_factory=set)
    run: list[tuple[int, list[str]]] = field(default_factory=list)


@dataclass
class Step:
    """One line of the stream, with the call it came from (for cookies, headers, timing)."""

    line: dict[str, Any]
    call: CallInfo | None = None


@dataclass
class _Outcome:
    info: CallInfo
    value: Any = None
    error: BaseException | None = None
    seconds: float = 0.0


class Engine:
    """Plans and runs callback chains over one app's graph."""

    def __init__(self, graph: Graph, *, prevent_initial_callbacks: bool = False, debug: bool = False):
        self.graph = graph
        self.prevent_initial_callbacks = prevent_initial_callbacks
        self.debug = debug

    def prevents_initial(self, cb: CallbackSpec) -> bool:
        flag = cb.prevent_initial_call
        if flag is None:
            flag = self.prevent_initial_callbacks
        return flag is True

    def view_for(self, event: Event) -> LayoutView:
        """The layout view an event describes: only the read set of its callbacks is known."""
        starts = [i for key in event.changed for i in self.graph.by_input.get(key, ())]
        starts += [i for i, _ in event.run]
        values, ids = self.graph.read_set(self.graph.closure(starts))
        view = LayoutView(event.values, event.present, known_ids=ids, known_values=values | set(event.changed))
        for key, value in event.changed.items():
            view.set(key, value)
        return view

    async def initial(self, view: LayoutView) -> AsyncIterator[Step]:
        """The page load's chain: every callback's initial call (S1), then what they trigger."""
        chain = _Chain(self, view, pending=set())
        skipped = self._skipped_initial(view)
        for cb in self.graph.callbacks:
            if cb.index in skipped or self.prevents_initial(cb):
                continue
            if any(view.has(o.id_str) for o in cb.outputs):
                chain.add(cb.index, [])
        async for step in chain.execute():
            yield step

    async def event(self, event: Event, view: LayoutView | None = None) -> AsyncIterator[Step]:
        """The chain one user action starts."""
        chain = _Chain(self, view or self.view_for(event), pending=set(event.pending))
        for key in event.changed:
            chain.trigger(key)
        for index, triggered in event.run:
            chain.add(index, list(triggered))
        async for step in chain.execute():
            yield step

    def _skipped_initial(self, view: LayoutView) -> set[int]:
        """S1: callbacks whose Inputs are all absent, or outputs of such callbacks, do not run at load."""
        skipped: set[int] = set()
        grew = True
        while grew:
            grew = False
            for cb in self.graph.callbacks:
                if cb.index in skipped:
                    continue
                if all(not view.has(d.id_str) or any(w in skipped for w in self.graph.by_output.get(d.key, ()))
                       for d in cb.inputs):
                    skipped.add(cb.index)
                    grew = True
        return skipped


class _Chain:
    """One chain of callbacks: each runs at most once (S6), none before its Inputs settle (S2)."""

    def __init__(self, engine: Engine, view: LayoutView, pending: set[str]):
        self.engine = engine
        self.graph = engine.graph
        self.view = view
        self.pending = pending
        self.candidates: dict[int, list[str]] = {}
        self.started: set[int] = set()
        self.running: dict[asyncio.Task, int] = {}

    def add(self, index: int, keys: list[str]) -> None:
        if index in self.started:
            return
        triggers = self.candidates.setdefault(index, [])
        triggers.extend(k for k in keys if k not in triggers)

    def trigger(self, key: str) -> None:
        for index in self.graph.by_input.get(key, ()):
            self.add(index, [key])

    def plan(self) -> dict[str, Any]:
        callbacks = sorted(self.graph.closure(self.candidates))
        props = sorted({k for i in callbacks for k in self.graph.callbacks[i].output_keys})
        return {"plan": {"callbacks": callbacks, "props": props}}

    async def execute(self) -> AsyncIterator[Step]:
        yield Step(self.plan())
        try:
            while True:
                for step in self._start_ready():
                    yield step
                if not self.running:
                    break
                done, _ = await asyncio.wait(self.running, return_when=asyncio.FIRST_COMPLETED)
                for task in sorted(done, key=lambda t: self.running[t]):
                    index = self.running.pop(task)
                    for step in self._finish(index, task.result()):
                        yield step
            for index, triggers in self.candidates.items():
                yield Step({"deferred": {"cb": index, "triggered": triggers}})
        finally:
            for task in self.running:
                task.cancel()

    def _may_run(self) -> set[int]:
        """Callbacks that may still run in this chain: candidates, running ones, and what they may trigger."""
        seen = set(self.candidates) | set(self.running.values())
        todo = list(seen)
        while todo:
            for j in self.graph.downstream(todo.pop()):
                if j not in seen and j not in self.started:
                    seen.add(j)
                    todo.append(j)
        return seen

    def _waits(self, index: int, may_run: set[int]) -> bool:
        """S2: an Input that a pending or not-yet-run upstream callback may still change."""
        for key in self.graph.callbacks[index].input_keys:
            if key in self.pending:
                return True
            if any(w != index and w in may_run for w in self.graph.by_output.get(key, ())):
                return True
        return False

    def _start_ready(self) -> list[Step]:
        steps: list[Step] = []
        may_run = self._may_run()
        for index in [i for i in self.candidates if not self._waits(i, may_run)]:
            triggers = self.candidates.pop(index)
            self.started.add(index)
            verdict = self._check(self.graph.callbacks[index])
            if verdict == "deferred":
                steps.append(Step({"deferred": {"cb": index, "triggered": triggers}}))
            elif verdict:
                steps.append(Step({"skip": {"cb": index, "reason": verdict}}))
            else:
                task = asyncio.ensure_future(self._call(self.graph.callbacks[index], triggers))
                self.running[task] = index
        return steps

    def _check(self, cb: CallbackSpec) -> str | None:
        """Why a callback cannot run now: a reason to skip it, "deferred", or None to run it."""
        view = self.view
        if not all(view.knows_id(i) for i in cb.ids()):
            return "deferred"
        if not any(view.has(o.id_str) for o in cb.outputs):
            return "output not in layout"
        if not any(view.has(d.id_str) for d in cb.inputs):
            return "no input in layout"
        if not all(view.knows_value(k) for k in (*cb.input_keys, *cb.state_keys)):
            return "deferred"
        return None

    async def _call(self, cb: CallbackSpec, triggers: list[str]) -> _Outcome:
        view = self.view
        info = CallInfo(
            triggered=[(k, view.get(k)) for k in triggers],
            inputs=[(d, view.get(d.key)) for d in cb.inputs],
            states=[(d, view.get(d.key)) for d in cb.states],
            outputs=cb.outputs,
            single_output=cb.single_output,
        )
        args = [v for _, v in info.inputs] + [v for _, v in info.states]
        began = time.perf_counter()
        try:
            if cb.is_async:
                _current.set(info)  # this task runs in its own copy of the context
                value = await cb.func(*args)
            else:
                value = await anyio.to_thread.run_sync(_call_in_context, info, cb.func, args)
            return _Outcome(info, value=value, seconds=time.perf_counter() - began)
        except Exception as exc:  # noqa: BLE001 - every failure becomes an error line (S8)
            return _Outcome(info, error=exc, seconds=time.perf_counter() - began)

    def _finish(self, index: int, outcome: _Outcome) -> list[Step]:
        cb = self.graph.callbacks[index]
        if isinstance(outcome.error, PreventUpdate):
            return [Step({"skip": {"cb": index, "reason": "PreventUpdate"}}, outcome.info)]
        try:
            if outcome.error is not None:
                raise outcome.error
            outputs = self._serialize(cb, outcome.value)
        except Exception as exc:  # noqa: BLE001
            return [self._error(cb, exc, outcome.info)]
        line = {
            "cb": index,
            "outputs": {key: Fragment(data) for key, (_, data) in outputs.items()},
            "reads": [*cb.input_keys, *cb.state_keys],
            "triggered": [k for k, _ in outcome.info.triggered],
        }
        for key, (value, _) in outputs.items():
            self._apply(key, value)
        return [Step({"result": line}, outcome.info)]

    def _serialize(self, cb: CallbackSpec, value: Any) -> dict[str, tuple[Any, bytes]]:
        """Each output's JSON value and bytes, leaving out no_update; errors name the output."""
        if cb.single_output:
            values = [value]
        elif isinstance(value, NoUpdate):
            values = [value] * len(cb.outputs)
        elif not isinstance(value, (list, tuple)):
            raise InvalidCallbackReturnValue(
                f"{cb.describe()} has {len(cb.outputs)} outputs, so it must return a list or tuple of "
                f"{len(cb.outputs)} values; it returned {type(value).__name__} {value!r:.80}"
            )
        elif len(value) != len(cb.outputs):
            raise InvalidCallbackReturnValue(
                f"{cb.describe()} returned {len(value)} values for its {len(cb.outputs)} outputs "
                f"({', '.join(cb.output_keys)})"
            )
        else:
            values = list(value)
        result: dict[str, tuple[Any, bytes]] = {}
        for dep, item in zip(cb.outputs, values):
            if isinstance(item, NoUpdate):
                continue
            try:
                result[dep.key] = to_json_value(item)
            except TypeError as exc:
                raise InvalidCallbackReturnValue(
                    f"{cb.describe()}: the value for output '{dep.key}' cannot be sent to the browser: {exc}"
                ) from None
        return result

    def _apply(self, key: str, value: Any) -> None:
        """S4/S5: an output changes the view, triggers its readers and the callbacks of what it inserted."""
        id_str = key.rpartition(".")[0]
        if not self.view.has(id_str):
            return
        inserted = self.view.set(key, value)
        self.trigger(key)
        if inserted:
            self._on_insert(set(inserted))

    def _on_insert(self, ids: set[str]) -> None:
        for index in sorted({j for i in ids for j in self.graph.by_id.get(i, ())}):
            cb = self.graph.callbacks[index]
            if any(o.id_str in ids for o in cb.outputs):
                if not self.engine.prevents_initial(cb):
                    self.add(index, [])
            else:
                keys = [d.key for d in cb.inputs if d.id_str in ids]
                if keys:
                    self.add(index, keys)

    def _error(self, cb: CallbackSpec, exc: BaseException, info: CallInfo) -> Step:
        log.error("%s raised %s", cb.describe(), "".join(traceback.format_exception(exc)).rstrip())
        if isinstance(exc, InvalidCallbackReturnValue):
            message = str(exc)  # our own words, naming the callback and output: safe to show
        elif self.engine.debug:
            message = f"{cb.describe()} raised {type(exc).__name__}: {exc}"
        else:
            message = f"callback '{cb.name}' failed; see the server log"
        line: dict[str, Any] = {"cb": cb.index, "message": message}
        if self.engine.debug:
            line["traceback"] = "".join(traceback.format_exception(exc))
        return Step({"error": line}, info)


def _call_in_context(info: CallInfo, func: Any, args: list[Any]) -> Any:
    """Run a sync callback in a worker thread with ctx bound to its own call."""
    def run() -> Any:
        _current.set(info)
        return func(*args)

    return contextvars.Context().run(run)


async def collect(steps: AsyncIterator[Step]) -> list[Step]:
    """All steps of a chain, in order (for tests and the headless client)."""
    return [step async for step in steps]
