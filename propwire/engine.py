"""The engine: which callbacks run, in which order, with which arguments (DESIGN.md S1–S9).

It does no I/O: the server, the page load and the test client all feed it a
layout view and a set of changed props, and forward the steps it yields.
A pattern-matching callback runs as one *instance* per MATCH value; a plain
callback has exactly one instance, bound to nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import traceback
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Callable

import anyio

from .callbacks import CallbackSpec
from .context import CallInfo, Resolved, _current
from .dependencies import (ALL, ALLSMALLER, Binding, Output, bound_id, DashDependency, NoUpdate, binding_of, binding_sort_key, id_matches,
                           id_string, parse_id, same_value, wildcard_of)
from .exceptions import InvalidCallbackReturnValue, PreventUpdate
from .graph import Graph, ReadSet
from .grouping import fill, match
from .layout import LayoutView
from .patch import Patch, apply_patch
from .serialize import to_json_value
from . import telemetry, threads

log = logging.getLogger("propwire")

Instance = tuple[int, Binding]


@dataclass
class Event:
    """One user action as the browser reports it (see docs/protocol.md)."""

    changed: dict[str, Any] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    present: dict[str, list[str]] = field(default_factory=dict)
    pending: set[str] = field(default_factory=set)
    run: list[tuple[int, list[str]]] = field(default_factory=list)
    reads: ReadSet | None = None  # what the event may describe, when the server has checked it already


@dataclass
class Step:
    """One line of the stream, with the call it came from (for cookies, headers, timing)."""

    line: dict[str, Any]
    call: CallInfo | None = None


@dataclass
class Batch:
    """Steps ready together: the server writes them in one piece; `last` says no more follow."""

    steps: list[Step]
    last: bool = False


@dataclass
class _Outcome:
    info: CallInfo
    value: Any = None
    error: BaseException | None = None
    seconds: float = 0.0


def _is_multi(dep: DashDependency) -> bool:
    return isinstance(dep.component_id, dict) and any(
        wildcard_of(v) in (ALL, ALLSMALLER) for v in dep.component_id.values())


class Engine:
    """Plans and runs callback chains over one app's graph."""

    def __init__(self, graph: Graph, *, prevent_initial_callbacks: bool = False, debug: bool = False,
                 on_error: Callable[[Exception], Any] | None = None, inline_fast_callbacks: bool = True):
        self.graph = graph
        self.placement = threads.Placement(enabled=inline_fast_callbacks)
        self.prevent_initial_callbacks = prevent_initial_callbacks
        self.debug = debug
        self.on_error = on_error

    def prevents_initial(self, cb: CallbackSpec) -> bool:
        flag = cb.prevent_initial_call
        if flag is None:
            flag = self.prevent_initial_callbacks
        return flag is True

    def view_for(self, event: Event) -> LayoutView:
        """The layout view an event describes: only the read set of its callbacks is known."""
        reads = event.reads
        if reads is None:
            starts = [i for key in event.changed for i, _ in self.graph.triggered_by(key)]
            reads = self.graph.event_read_set(starts + [i for i, _ in event.run])
        view = LayoutView(event.values, event.present, known_ids=reads.ids, known_values=reads.values)
        for key, value in event.changed.items():
            view.set(key, value)
        return view

    def initial(self, view: LayoutView) -> "Chain":
        """The page load's chain: every callback's initial call (S1), then what they trigger."""
        chain = Chain(self, view, pending=set())
        skipped = self._skipped_initial(view)
        for cb in self.graph.callbacks:
            if cb.index in skipped:
                chain.note(cb.index, "no input in layout")
            elif self.prevents_initial(cb):
                chain.note(cb.index, "prevent_initial_call")
            else:
                for binding in chain.instances_present(cb):
                    chain.add((cb.index, binding), [])
        return chain

    def event(self, event: Event, view: LayoutView | None = None) -> "Chain":
        """The chain one user action starts."""
        chain = Chain(self, view or self.view_for(event), pending=set(event.pending))
        for key in event.changed:
            chain.trigger(key)
        for index, triggered in event.run:
            chain.rerun(index, triggered)
        return chain

    def _skipped_initial(self, view: LayoutView) -> set[int]:
        """S1: callbacks whose Inputs are all absent, or outputs of such callbacks, do not run at load."""
        skipped: set[int] = set()
        grew = True
        while grew:
            grew = False
            for cb in self.graph.callbacks:
                if cb.index in skipped or not cb.inputs or any(_is_multi(d) for d in cb.inputs):
                    continue
                if all(not _present(view, d) or any(w in skipped for w in self.graph.writers(d.key))
                       for d in cb.inputs):
                    skipped.add(cb.index)
                    grew = True
        return skipped


def _present(view: LayoutView, dep: DashDependency) -> bool:
    if dep.has_wildcard():
        return bool(view.matching(dep.component_id))
    return view.has(dep.id_str)


class Chain:
    """One chain of callbacks: each instance runs at most once (S6), none before its Inputs settle (S2).

    Driven by `advance()` (what is ready now, as a Batch) and `await wait()` (until a running callback
    finishes) until a batch is the last; or iterated with `async for batch in chain`.
    """

    def __init__(self, engine: Engine, view: LayoutView, pending: set[str]):
        self.engine = engine
        self.graph = engine.graph
        self.view = view
        self.pending = pending
        self.candidates: dict[Instance, list[str]] = {}
        self.started: set[Instance] = set()
        self.running: dict[asyncio.Task, Instance] = {}
        self.finished: list[tuple[Instance, _Outcome]] = []  # inline calls, done before the next await
        self.ready: list[Step] | None = None  # steps of the next batch (None: the plan line is still to come)
        self.notes: list[Step] = []  # debug mode: why callbacks did not run, for the dev tools' trace

    def note(self, index: int, reason: str) -> None:
        if self.engine.debug:
            self.notes.append(Step({"note": {"cb": index, "reason": reason}}))

    # -- what runs --------------------------------------------------------------------

    def add(self, instance: Instance, keys: list[str]) -> None:
        if instance in self.started:
            return
        triggers = self.candidates.setdefault(instance, [])
        triggers.extend(k for k in keys if k not in triggers)

    def trigger(self, key: str) -> None:
        for index, binding in self.graph.triggered_by(key):
            cb = self.graph.callbacks[index]
            if cb.output_match_keys and len(binding) < len(cb.output_match_keys):
                # The key does not fix every MATCH of the Outputs (a fixed Input, or ALLSMALLER where the Outputs
                # have MATCH; Dash accepts both): each instance present that reads the key runs
                for each in self.instances_present(cb):
                    if _agrees(each, binding) and any(key in self._keys(d, each) for d in cb.inputs):
                        self.add((index, each), [key])
            else:
                self.add((index, binding), [key])

    def rerun(self, index: int, triggered: list[str]) -> None:
        """A follow-up asks for a callback again: its instances are those its triggers name."""
        cb = self.graph.callbacks[index]
        bindings = {b for k in triggered for i, b in self.graph.triggered_by(k) if i == index}
        for binding in bindings or self.instances_present(cb) or {()}:
            self.add((index, binding), [k for k in triggered if (index, binding) in self.graph.triggered_by(k)])

    def instances_present(self, cb: CallbackSpec) -> list[Binding]:
        """The instances of a callback whose outputs are in the view: one per MATCH value."""
        if not cb.outputs:  # it acts through set_props: its instances are those of its MATCH Inputs, if any
            return self._input_instances(cb)
        if not any(o.has_wildcard() for o in cb.outputs):
            return [()] if any(self.view.has(o.id_str) for o in cb.outputs) else []
        found: dict[Binding, None] = {}
        for out in cb.outputs:
            if out.has_wildcard():
                for id_str in self.view.matching(out.component_id):
                    found[binding_of(out.component_id, parse_id(id_str))] = None
        return list(found)

    def _input_instances(self, cb: CallbackSpec) -> list[Binding]:
        found: dict[Binding, None] = {}
        for dep in cb.inputs:
            if dep.has_wildcard() and not _is_multi(dep):
                for id_str in self.view.matching(dep.component_id):
                    found[binding_of(dep.component_id, parse_id(id_str))] = None
        return list(found) or [()]

    def plan(self) -> dict[str, Any]:
        return self.graph.plan(frozenset(i for i, _ in self.candidates))

    def advance(self) -> Batch:
        """Run what is ready, fast callbacks inline, until the chain must wait for a running callback or is done."""
        if self.ready is None:
            self.ready = [Step(self.plan())]
        steps, self.ready = self.ready, []
        while True:
            steps += self._start_ready()
            steps += self.notes
            self.notes = []
            if not self.finished:
                break
            for instance, outcome in self._take_finished():
                steps += self._finish(instance, outcome)
        if self.running:
            return Batch(steps)
        steps += [Step({"deferred": {"cb": index, "triggered": triggers}})
                  for (index, _), triggers in self.candidates.items()]
        return Batch(steps, last=True)

    async def wait(self) -> None:
        """Until a running callback finishes; its steps open the next batch."""
        done, _ = await asyncio.wait(self.running, return_when=asyncio.FIRST_COMPLETED)
        for task in sorted(done, key=lambda t: binding_sort_key(self.running[t])):
            self.ready += self._finish(self.running.pop(task), task.result())  # type: ignore[operator]

    def cancel(self) -> None:
        """The response is gone: callbacks still running are cancelled (sync ones finish on their thread)."""
        for task in self.running:
            task.cancel()

    def __aiter__(self) -> AsyncIterator[Batch]:
        return self._batches()

    async def _batches(self) -> AsyncIterator[Batch]:
        try:
            while True:
                batch = self.advance()
                yield batch
                if batch.last:
                    return
                await self.wait()
        finally:
            self.cancel()

    def _may_run(self) -> set[int]:
        """Callbacks that may still run in this chain: candidates, running ones, and what they may trigger."""
        started = {i for i, _ in self.started} - {i for i, _ in self.running.values()}
        seen = {i for i, _ in self.candidates} | {i for i, _ in self.running.values()}
        todo = list(seen)
        while todo:
            for j in self.graph.downstream(todo.pop()):
                if j not in seen and j not in started:
                    seen.add(j)
                    todo.append(j)
        return seen

    def _waits(self, instance: Instance, may_run: set[int]) -> bool:
        """S2: an Input that a pending or not-yet-run upstream callback may still change."""
        index, binding = instance
        for dep in self.graph.callbacks[index].inputs:
            for key in self._keys(dep, binding) or [dep.key]:
                if key in self.pending:
                    return True
                if any(w != index and w in may_run for w in self.graph.writers(key)):
                    return True
        return False

    def _start_ready(self) -> list[Step]:
        steps: list[Step] = []
        if not self.candidates:
            return steps
        may_run = self._may_run()
        for instance in [i for i in self.candidates if not self._waits(i, may_run)]:
            triggers = self.candidates.pop(instance)
            self.started.add(instance)
            cb = self.graph.callbacks[instance[0]]
            verdict = self._check(cb, instance[1])
            if verdict == "deferred":
                steps.append(Step({"deferred": {"cb": cb.index, "triggered": triggers}}))
            elif verdict:
                steps.append(Step({"skip": {"cb": cb.index, "reason": verdict}}))
            else:
                if cb.running:
                    steps.append(Step({"start": self._start_line(cb, instance[1])}))
                if self.engine.placement.inline(cb):
                    self._call_inline(instance, triggers)
                else:
                    self.running[asyncio.ensure_future(self._call(cb, instance[1], triggers))] = instance
        return steps

    def _start_line(self, cb: CallbackSpec, binding: Binding) -> dict[str, Any]:
        """A start line; pattern `running=` Outputs go as this instance's own prop keys (the graph has only patterns)."""
        line: dict[str, Any] = {"cb": cb.index}
        if any(out.has_wildcard() for out, _, _ in cb.running):
            line["running"] = [[key, on, off] for out, on, off in cb.running for key in self._running_keys(out, binding)]
        return line

    def _running_keys(self, out: Output, binding: Binding) -> list[str]:
        """A running= Output's keys in an instance: named by the binding (its component need not be in the event),
        else the components present that fit it."""
        if not out.has_wildcard():
            return [out.key]
        concrete = bound_id(out.component_id, binding)
        if concrete is not None:
            return [f"{id_string(concrete)}.{out.component_property}"]
        return self._keys(out, binding)

    def _take_finished(self) -> list[tuple[Instance, _Outcome]]:
        done, self.finished = self.finished, []
        return done

    # -- resolving dependencies -------------------------------------------------------

    def _keys(self, dep: DashDependency, binding: Binding) -> list[str]:
        """The concrete prop keys a dependency names in this instance (present ones, for patterns)."""
        if not dep.has_wildcard():
            return [dep.key]
        return [f"{i}.{dep.component_property}" for i in self.view.matching(dep.component_id, binding)]

    def _resolve(self, dep: DashDependency, binding: Binding, with_values: bool = True) -> Resolved:
        if not dep.has_wildcard():
            return Resolved(dep, [dep.key], [self.view.values.get(dep.key)] if with_values else [], False)
        multi = _is_multi(dep)
        keys = self._keys(dep, binding)
        values = [self.view.get(k) for k in keys] if with_values else []
        return Resolved(dep, keys, values, multi)

    def _in_layout(self, dep: DashDependency, binding: Binding) -> bool:
        """A dependency counts as present if its component is; an ALL one always does (it may be empty)."""
        if not dep.has_wildcard():
            return dep.id_str in self.view.present
        if _is_multi(dep):
            return True
        keys = self._keys(dep, binding)
        return bool(keys) and self.view.has(keys[0].rpartition(".")[0])

    def _check(self, cb: CallbackSpec, binding: Binding) -> str | None:
        """Why a callback cannot run now: a reason to skip it, "deferred", or None to run it."""
        view = self.view
        if not all(view.knows_id(i) for i in cb.plain_ids):
            return "deferred"
        # A callback without Outputs (it acts through set_props) or without Inputs (only State) runs as in Dash.
        if cb.outputs and not any(self._in_layout(o, binding) for o in cb.outputs):
            return "output not in layout"
        # As Dash: with every Input absent the call is prevented (allow_optional or not); an Input or State naming
        # one component that is absent keeps the call from happening unless it is allow_optional (it reads None).
        absent = [d for d in cb.inputs if not _is_multi(d) and not self._in_layout(d, binding)]
        if absent and len(absent) == len(cb.inputs):
            return "no input in layout"
        if not all(getattr(d, "allow_optional", False) for d in absent):
            return "input not in layout"
        if not all(_optional_or_present(self, d, binding) for d in cb.states):
            return "state not in layout"
        for dep in (*cb.inputs, *cb.states):
            if not all(view.knows_value(k) for k in self._keys(dep, binding)):
                return "deferred"
        return None

    # -- calling ----------------------------------------------------------------------

    def _span(self, cb: CallbackSpec, triggers: list[str]) -> Any:
        if not telemetry.enabled():
            return contextlib.nullcontext()
        return telemetry.span(f"propwire callback {cb.name}", {
            "propwire.callback": cb.name, "propwire.callback.index": cb.index, "propwire.callback.where": cb.where,
            "propwire.triggered": triggers, "propwire.outputs": cb.output_keys})

    async def _call(self, cb: CallbackSpec, binding: Binding, triggers: list[str]) -> _Outcome:
        """A call in a task: async callbacks on the loop, sync ones on a worker thread."""
        with self._span(cb, triggers) as span:
            info, args, kwargs = self._prepare(cb, binding, triggers)
            began = time.perf_counter()
            try:
                if cb.is_async:
                    _current.set(info)  # this task runs in its own copy of the context
                    value = await cb.func(*args, **kwargs)
                else:
                    value, wall, cpu = await anyio.to_thread.run_sync(threads.call_timed, info, cb.func, args, kwargs)
                    self.engine.placement.record(cb, wall, cpu, inline=False)
                outcome = _Outcome(info, value=value, seconds=time.perf_counter() - began)
            except Exception as exc:  # noqa: BLE001 - every failure becomes an error line (S8)
                outcome = self._failed(cb, info, exc, began) or await self._recover(cb, info, exc, began)
            _mark(span, outcome)
            return outcome

    def _call_inline(self, instance: Instance, triggers: list[str]) -> None:
        """A sync callback that has proved fast: called right here, its outcome ready for the next step."""
        cb = self.graph.callbacks[instance[0]]
        with self._span(cb, triggers) as span:
            info, args, kwargs = self._prepare(cb, instance[1], triggers)
            began = time.perf_counter()
            try:
                value, wall, cpu = threads.call_inline(info, cb.func, args, kwargs)
            except Exception as exc:  # noqa: BLE001
                outcome = self._failed(cb, info, exc, began)
                if outcome is None:  # on_error runs in a task, as any handler may be slow
                    self.running[asyncio.ensure_future(self._recover(cb, info, exc, began))] = instance
                    return
            else:
                outcome = _Outcome(info, value=value, seconds=time.perf_counter() - began)
                self.engine.placement.record(cb, wall, cpu, inline=True)
            _mark(span, outcome)
            self.finished.append((instance, outcome))

    def _prepare(self, cb: CallbackSpec, binding: Binding, triggers: list[str]) -> tuple[CallInfo, list, dict]:
        """The call's ctx and its arguments, in the callback's own signature."""
        info = CallInfo(
            triggered=[(k, self.view.get(k)) for k in triggers],
            inputs=[self._resolve(d, binding) for d in cb.inputs],
            states=[self._resolve(d, binding) for d in cb.states],
            outputs=[self._resolve(d, binding, with_values=False) for d in cb.outputs],
            output_shape=cb.output_shape, args_shape=cb.args_shape,
        )
        values = [r.value for r in info.inputs] + [r.value for r in info.states]
        if cb.flat_args:
            return info, values, {}
        grouped = fill(cb.args_shape, values)
        if cb.keyword:
            return info, [], grouped
        return info, (list(grouped) if isinstance(grouped, (list, tuple)) else [grouped]), {}

    def _failed(self, cb: CallbackSpec, info: CallInfo, exc: Exception, began: float) -> _Outcome | None:
        """The outcome of a call that raised, unless an on_error handler must be called first."""
        if isinstance(exc, PreventUpdate):
            return _Outcome(info, error=exc)
        if (cb.on_error or self.engine.on_error) is None:
            return _Outcome(info, error=exc, seconds=time.perf_counter() - began)
        return None

    async def _recover(self, cb: CallbackSpec, info: CallInfo, exc: Exception, began: float) -> _Outcome:
        """on_error's value stands in for the callback's (None: no update); if it raises too, that is the error."""
        self._log_error(cb, exc)
        try:
            handled, *_ = await anyio.to_thread.run_sync(threads.call_timed, info, cb.on_error or self.engine.on_error,
                                                        [exc], {})
        except Exception as second:  # noqa: BLE001
            return _Outcome(info, error=second)
        value = handled if handled is not None else NoUpdate()
        return _Outcome(info, value=value, seconds=time.perf_counter() - began)

    def _finish(self, instance: Instance, outcome: _Outcome) -> list[Step]:
        cb = self.graph.callbacks[instance[0]]
        if isinstance(outcome.error, PreventUpdate):
            return [Step({"skip": {"cb": cb.index, "reason": "PreventUpdate"}}, outcome.info)]
        try:
            if outcome.error is not None:
                raise outcome.error
            outputs, patches = self._serialize(cb, outcome.info, outcome.value)
        except Exception as exc:  # noqa: BLE001
            return [self._error(cb, exc, outcome.info)]
        line: dict[str, Any] = {
            "cb": cb.index,
            "outputs": {key: wire for key, (_, wire) in outputs.items()},
            "reads": [k for r in (*outcome.info.inputs, *outcome.info.states) for k in r.keys],
            "triggered": [k for k, _ in outcome.info.triggered],
            "ms": round(outcome.seconds * 1000, 2),
        }
        if patches:
            line["patches"] = patches
        if self.engine.debug:
            line["noUpdate"] = [k for r in outcome.info.outputs for k in r.keys if k not in outputs and k not in patches]
            line["timing"] = [[name, round(sec * 1000, 2), desc] for name, sec, desc in outcome.info.timings]
        for key, (value, _) in outputs.items():
            self._apply(key, value)
        for key, ops in patches.items():
            self._apply_patch(key, ops)
        return [Step({"result": line}, outcome.info)]

    def _serialize(self, cb: CallbackSpec, info: CallInfo, value: Any) -> tuple[dict[str, tuple[Any, Any]], dict]:
        """Each output's JSON value and line form (no_update left out), and Patch operations; errors name the output."""
        if not cb.outputs:
            if value is not None:  # as in Dash, even no_update is refused here
                raise InvalidCallbackReturnValue(f"{cb.describe()} has no Outputs, so it must return None; got "
                                                 f"{type(value).__name__} {value!r:.80}")
            leaves = []
        elif cb.single_output:
            leaves = [value]
        elif isinstance(value, NoUpdate):
            leaves = [value] * len(cb.outputs)
        else:
            try:
                leaves = match(cb.output_shape, value, f"{cb.describe()} return value")
            except ValueError as exc:
                raise InvalidCallbackReturnValue(
                    f"{exc} (its outputs: {', '.join(cb.output_keys)})") from None
        result: dict[str, tuple[Any, Any]] = {}
        patches: dict[str, list] = {}
        for resolved, item in zip(info.outputs, leaves):
            for key, piece in self._output_items(cb, resolved, item):
                if isinstance(piece, NoUpdate):
                    continue
                if isinstance(piece, Patch):
                    patches[key] = self._encode(cb, key, piece.to_ops())[0]
                    continue
                result[key] = self._encode(cb, key, piece)
        for component_id, props in info.side_updates:
            for prop, piece in props.items():
                key = f"{id_string(component_id)}.{prop}"
                if isinstance(piece, Patch):
                    patches[key] = self._encode(cb, key, piece.to_ops())[0]
                elif not isinstance(piece, NoUpdate):
                    result[key] = self._encode(cb, key, piece)
        return result, patches

    @staticmethod
    def _encode(cb: CallbackSpec, key: str, value: Any) -> tuple[Any, Any]:
        try:
            return to_json_value(value)
        except (TypeError, UnicodeEncodeError) as exc:
            raise InvalidCallbackReturnValue(
                f"{cb.describe()}: the value for output '{key}' cannot be sent to the browser: {exc}") from None

    @staticmethod
    def _output_items(cb: CallbackSpec, resolved: Resolved, item: Any) -> list[tuple[str, Any]]:
        if not resolved.multi:
            return [(resolved.keys[0], item)] if resolved.keys else []
        if isinstance(item, NoUpdate):
            return []
        if not isinstance(item, (list, tuple)) or len(item) != len(resolved.keys):
            got = f"{len(item)} values" if isinstance(item, (list, tuple)) else type(item).__name__
            raise InvalidCallbackReturnValue(
                f"{cb.describe()}: output {resolved.dep!r} matches {len(resolved.keys)} components, so its value "
                f"must be a list of {len(resolved.keys)}; got {got}")
        return list(zip(resolved.keys, item))

    # -- effects of outputs -------------------------------------------------------------

    def _apply(self, key: str, value: Any) -> None:
        """S4/S5: an output changes the view, triggers its readers and the callbacks of what it inserted."""
        id_str = key.rpartition(".")[0]
        if not self.view.has(id_str):
            if not self.view.knows_id(id_str):  # set_props on a component this event did not describe
                self.view.values[key] = value
                self.trigger(key)  # its readers come back deferred, and the browser asks again
            return
        inserted = self.view.set(key, value)
        removed = self.view.removed
        self.trigger(key)
        if inserted or removed:
            self._on_insert(set(inserted), removed)

    def _apply_patch(self, key: str, ops: list) -> None:
        id_str = key.rpartition(".")[0]
        if not self.view.has(id_str):
            return
        if self.view.knows_value(key):
            self._apply(key, apply_patch(self.view.get(key), ops))
        else:
            self.view.unknown.add(key)  # downstream readers of it come back deferred
            self.trigger(key)

    def _on_insert(self, ids: set[str], removed: list[str]) -> None:
        """S5: callbacks of inserted components run; ALL inputs that lost members run too."""
        for index in sorted({j for i in (*ids, *removed) for j in self.graph.naming(i)}):
            cb = self.graph.callbacks[index]
            for binding, outs_new, keys in self._touched(cb, ids, removed):
                if outs_new:
                    if not self.engine.prevents_initial(cb):
                        self.add((index, binding), [])
                    else:
                        self.note(index, "prevent_initial_call")
                elif keys:
                    self.add((index, binding), keys)

    def _touched(self, cb: CallbackSpec, ids: set[str], removed: list[str]) -> list[tuple[Binding, bool, list[str]]]:
        found: dict[Binding, tuple[bool, list[str]]] = {}
        for dep in (*cb.outputs, *cb.inputs):
            for id_str in (*ids, *removed):
                if dep.has_wildcard():
                    concrete = parse_id(id_str) if id_str.startswith("{") else None
                    if concrete is None or not _fits(dep, concrete):
                        continue
                    binding = binding_of(dep.component_id, concrete)
                    if id_str in removed and not _is_multi(dep):
                        continue
                elif dep.id_str == id_str and id_str in ids:
                    binding = ()
                else:
                    continue
                outs_new, keys = found.get(binding, (False, []))
                if dep in cb.outputs:
                    outs_new = outs_new or id_str in ids
                else:
                    keys = keys + [f"{id_str}.{dep.component_property}"]
                found[binding] = (outs_new, keys)
        return [(b, o, k) for b, (o, k) in found.items()]

    # -- errors ---------------------------------------------------------------------------

    @staticmethod
    def _log_error(cb: CallbackSpec, exc: BaseException) -> None:
        log.error("%s raised %s", cb.describe(), "".join(traceback.format_exception(exc)).rstrip())

    def _error(self, cb: CallbackSpec, exc: BaseException, info: CallInfo) -> Step:
        self._log_error(cb, exc)
        if isinstance(exc, InvalidCallbackReturnValue):
            message = str(exc)  # our own words, naming the callback and output: safe to show
        elif self.engine.debug:
            message = f"{cb.describe()} raised {type(exc).__name__}: {exc}"
        else:
            message = f"callback '{cb.name}' failed; see the server log"
        line: dict[str, Any] = {"cb": cb.index, "message": message}
        if self.engine.debug:
            line["traceback"] = _user_traceback(cb, exc)
            line["inputs"] = {k: v for r in (*info.inputs, *info.states) for k, v in zip(r.keys, r.values)}
        return Step({"error": line}, info)


def _agrees(binding: Binding, part: Binding) -> bool:
    """Whether an instance's binding holds the values of a partial one."""
    full = dict(binding)
    return all(k in full and same_value(full[k], v) for k, v in part)


def _fits(dep: DashDependency, concrete: dict) -> bool:
    return id_matches({k: (ALL if wildcard_of(v) else v) for k, v in dep.component_id.items()}, concrete)


def _mark(span: Any, outcome: _Outcome) -> None:
    if isinstance(outcome.error, PreventUpdate):
        telemetry.annotate(span, {"propwire.skipped": "PreventUpdate"})
    elif outcome.error is not None:
        telemetry.failed(span, outcome.error)


def _user_traceback(cb: CallbackSpec, exc: BaseException) -> str:
    """The traceback from the callback's own frame on: propwire's and the thread pool's frames cut."""
    frames = traceback.extract_tb(exc.__traceback__)
    own = getattr(getattr(cb.func, "__code__", None), "co_filename", None)
    start = next((i for i, f in enumerate(frames) if f.filename == own), 0)
    lines = ["Traceback (most recent call last):\n", *traceback.format_list(frames[start:])]
    return "".join(lines + traceback.format_exception_only(exc))


def _optional_or_present(chain: "Chain", dep: DashDependency, binding: Binding) -> bool:
    """Whether a State lets its callback run: an ALL one always does, an allow_optional one too."""
    return _is_multi(dep) or getattr(dep, "allow_optional", False) or chain._in_layout(dep, binding)


async def collect(chain: "Chain") -> list[Step]:
    """All steps of a chain, in order (for tests and the headless client)."""
    return [step async for batch in chain for step in batch.steps]
