"""The engine: which callbacks run, in which order, with which arguments (docs/semantics.md S1–S9).

It does no I/O: the server, the page load and the test client all feed it a
layout view and a set of changed props, and forward the steps it yields.
A pattern-matching callback runs as one *instance* per MATCH value; a plain
callback has exactly one instance, bound to nothing.
"""

from __future__ import annotations

import asyncio
from typing import Any, AsyncIterator, Callable, Iterable

from propwire.api.callbacks import CallbackSpec
from propwire.api.context import RequestInfo, Resolved
from propwire.api.dependencies import Binding, DashDependency, binding_of, binding_sort_key, id_matches, parse_id
from propwire.core import threads
from propwire.core.calling import Calls
from propwire.core.effects import Effects
from propwire.core.graph import Graph, Smaller, has_match_output
from propwire.core.initial_calls import InitialCalls
from propwire.core.layout import LayoutView
from propwire.core.steps import Batch, Event, Instance, Step, _Outcome, is_multi

__all__ = ["Batch", "Chain", "Engine", "Event", "Step", "collect"]

# How often one instance may run in one chain (Dash would loop for ever on a callback re-inserting its Inputs).
MAX_RUNS = 8


class Engine:
    """Plans and runs callback chains over one app's graph."""

    def __init__(self, graph: Graph, *, prevent_initial_callbacks: bool = False, debug: bool = False,
                 on_error: Callable[[Exception], Any] | None = None,
                 callback_timeout: float | None = threads.DEFAULT_TIMEOUT,
                 callback_threads: int = threads.DEFAULT_THREADS, threads_per_callback: int | None = None, component_dicts: bool = False):
        self.graph, self.debug, self.on_error = graph, debug, on_error
        self.prevent_initial_callbacks = prevent_initial_callbacks
        self.component_dicts = component_dicts  # dicts shaped like components render as such (component_json.py)
        self.callback_timeout = threads.check_timeout(callback_timeout)
        self.pool = threads.Pool(callback_threads, threads_per_callback)  # sync callbacks run here (threads.py)

    def timeout_for(self, cb: CallbackSpec) -> float | None:
        """A call's time limit in seconds: the callback's own timeout=, else the app's callback_timeout."""
        return self.callback_timeout if cb.timeout is ... else cb.timeout  # type: ignore[return-value]

    def prevents_initial(self, cb: CallbackSpec) -> bool:
        flag = cb.prevent_initial_call
        return (self.prevent_initial_callbacks if flag is None else flag) is True

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

    def initial(self, view: LayoutView, mounted: Iterable[str] = ()) -> "Chain":
        """The page load's chain: every callback's initial call (S1), then what they trigger.

        `mounted` are props components set themselves as they mount (a dcc.Location's URL): they count as
        written, so an upstream PreventUpdate does not drop their readers' initial calls."""
        chain = Chain(self, view, pending=set())
        chain.written.update(mounted)
        instances: list[Instance] = []
        for cb in self.graph.callbacks:
            if self.prevents_initial(cb):
                chain.note(cb.index, "prevent_initial_call")
            else:
                instances += [(cb.index, binding) for binding in chain.instances_present(cb)]
        excluded = chain.excluded_initial(instances)
        for instance in instances:
            if instance in excluded:
                chain.note(instance[0], "no input in layout")
            else:
                chain.add_initial(instance)
        return chain

    def event(self, event: Event, view: LayoutView | None = None) -> "Chain":
        """The chain one user action starts."""
        chain = Chain(self, view or self.view_for(event), pending=set(event.pending))
        for key in event.changed:
            chain.trigger(key)
        for index, triggered in event.run:
            chain.rerun(index, triggered)
        return chain


class Chain(Calls, Effects, InitialCalls):
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
        self.runs: dict[Instance, int] = {}
        self.rearmed: dict[Instance, list[str]] = {}
        self.source: Instance | None = None  # the instance whose outputs are being applied
        # Initial calls (S1, S5) and what those that ran may have written and did write: an initial call whose
        # every Input only such a call could have written, and none did, is dropped (as Dash prunes its group).
        self.initial: set[Instance] = set()
        self.initial_outputs: set[str] = set()
        self.written: set[str] = set()
        self.request = RequestInfo()  # what ctx.cookies / headers / path read; the web layer sets it

    def note(self, index: int, reason: str) -> None:
        if self.engine.debug:
            self.notes.append(Step({"note": {"cb": index, "reason": reason}}))

    # -- what runs --------------------------------------------------------------------

    def add(self, instance: Instance, keys: list[str], again: bool = True) -> None:
        """Ask for an instance. One that already ran runs again when triggered anew (as Dash requests it again:
        components it reads were inserted, or an upstream it did not wait for wrote), but never by its own
        outputs (S6) and at most MAX_RUNS times in a chain, so a callback that re-inserts its own Inputs ends."""
        if instance in self.started:
            if not again or instance == self.source or self.runs.get(instance, 0) >= MAX_RUNS:
                return
            if instance in self.running.values():  # asked for while running: it runs again once it has finished
                self.rearmed.setdefault(instance, []).extend(keys)
                return
            self.started.discard(instance)
        triggers = self.candidates.setdefault(instance, [])
        triggers.extend(k for k in keys if k not in triggers)

    def add_initial(self, instance: Instance) -> None:
        """An initial call (S1, S5): one of the chain's group, which an upstream PreventUpdate may prune."""
        self.initial.add(instance)
        self.add(instance, [])

    def trigger(self, key: str) -> None:
        self.written.add(key)
        for index, binding in self.graph.triggered_by(key):
            for bound in self._bindings(index, binding):
                self.add((index, bound), [key])

    def _bindings(self, index: int, binding: Binding | Smaller) -> list[Binding]:
        """The instances a trigger reaches: itself; for an ALLSMALLER Input every present instance above it; for a
        plain Input of a MATCH callback every present instance."""
        if not isinstance(binding, Smaller):
            if binding == () and has_match_output(self.graph.callbacks[index]):
                # A plain Input of a MATCH callback: every present instance runs, each on its own (Dash never merges)
                return self.instances_present(self.graph.callbacks[index])
            return [binding]
        concrete = parse_id(binding.id_str)
        pattern = binding.dep.component_id
        return [b for b in self.instances_present(self.graph.callbacks[index]) if id_matches(pattern, concrete, b)]

    def rerun(self, index: int, triggered: list[str]) -> None:
        """A follow-up asks for a callback again: its instances are those its triggers name."""
        cb = self.graph.callbacks[index]
        named: dict[Binding, list[str]] = {}
        for key in triggered:
            for i, binding in self.graph.triggered_by(key):
                for bound in self._bindings(i, binding) if i == index else ():
                    named.setdefault(bound, []).append(key)
        for binding in named or self.instances_present(cb) or [()]:
            self.add((index, binding), named.get(binding, []))

    def instances_present(self, cb: CallbackSpec) -> list[Binding]:
        """The instances of a callback whose outputs are in the view: one per MATCH value."""
        if not cb.outputs:  # it acts through set_props: its instances are those of its MATCH Inputs, if any
            return self._input_instances(cb)
        if not has_match_output(cb):  # one instance, if any Output finds a component (Dash's pruneCallbacks)
            return [()] if self._outputs_found(cb, ()) else []
        found: dict[Binding, None] = {}
        for out in cb.outputs:
            if out.has_wildcard():
                for id_str in self.view.matching(out.component_id):
                    found[binding_of(out.component_id, parse_id(id_str))] = None
        return list(found)

    def _outputs_found(self, cb: CallbackSpec, binding: Binding) -> bool:
        """Whether any Output names a component in the view: an ALL one over no items names none."""
        return any(self._keys(o, binding) if o.has_wildcard() else self.view.has(o.id_str) for o in cb.outputs)

    def _input_instances(self, cb: CallbackSpec) -> list[Binding]:
        found: dict[Binding, None] = {}
        for dep in cb.inputs:
            if dep.has_wildcard() and not is_multi(dep):
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
                steps += self._complete(instance, outcome)
        if self.running:
            return Batch(steps)
        steps += [Step({"deferred": {"cb": index, "triggered": triggers}})
                  for (index, _), triggers in self.candidates.items()]
        return Batch(steps, last=True)

    async def wait(self) -> None:
        """Until a running callback finishes; its steps open the next batch."""
        done, _ = await asyncio.wait(self.running, return_when=asyncio.FIRST_COMPLETED)
        for task in sorted(done, key=lambda t: binding_sort_key(self.running[t])):
            self.ready += self._complete(self.running.pop(task), task.result())  # type: ignore[operator]

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
        """Callbacks that may still run in this chain: candidates, running ones, and what their outputs feed.
        As in Dash, a callback does not wait for components an upstream may insert: if they come, it runs again."""
        started = {i for i, _ in self.started} - {i for i, _ in self.running.values()}
        seen = {i for i, _ in self.candidates} | {i for i, _ in self.running.values()}
        todo = list(seen)
        while todo:
            for j in self.graph.feeds(todo.pop()):
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
                writers = self.graph.writers(key)
                if any(w != index and w in may_run for w in writers):
                    return True
                if index in writers and self._fed_by_sibling(instance, key):
                    return True
        return False

    def _fed_by_sibling(self, instance: Instance, key: str) -> bool:
        """S2 between instances of one callback: another instance still to run writes this Input (an ALLSMALLER
        Input over the callback's own MATCH outputs, Dash's Fibonacci test), so this one runs after it, once, as
        Dash orders them. Two instances writing each other's Inputs (an ALL one) do not wait: neither could run."""
        index = instance[0]
        cb = self.graph.callbacks[index]
        for other in (*self.candidates, *self.running.values()):
            if other[0] != index or other == instance:
                continue
            if any(key in self._keys(o, other[1]) for o in cb.outputs) and not self._writes_inputs_of(instance, other):
                return True
        return False

    def _writes_inputs_of(self, writer: Instance, reader: Instance) -> bool:
        cb = self.graph.callbacks[writer[0]]  # one callback: writer and reader are two of its instances
        written = {k for o in cb.outputs for k in self._keys(o, writer[1])}
        return any(k in written for d in cb.inputs for k in self._keys(d, reader[1]))

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
            if verdict is None and not triggers and self._pruned(instance):
                verdict = "prevented upstream"
            if verdict == "deferred":
                steps.append(Step({"deferred": {"cb": cb.index, "triggered": triggers}}))
            elif verdict:
                steps.append(Step({"skip": {"cb": cb.index, "reason": verdict}}))
                if instance in self.initial and verdict != "prevented upstream":  # Dash's call failed: no write
                    self.initial_outputs.update(k for o in cb.outputs for k in self._keys(o, instance[1]))
            else:
                self.runs[instance] = self.runs.get(instance, 0) + 1
                if cb.running:
                    steps.append(Step({"start": self._start_line(cb, instance[1])}))
                if cb.inline:
                    self._call_inline(instance, triggers)
                else:
                    self.running[asyncio.ensure_future(self._call(cb, instance[1], triggers))] = instance
        return steps

    def _complete(self, instance: Instance, outcome: _Outcome) -> list[Step]:
        """A finished call's steps; its outputs are applied with it as their source (it does not trigger itself)."""
        self.source = instance
        try:
            steps = self._finish(instance, outcome)
        finally:
            self.source = None
        if instance in self.initial:
            self.initial_outputs.update(k for r in outcome.info.outputs for k in r.keys)
        again = self.rearmed.pop(instance, None)
        if again is not None:
            self.started.discard(instance)
            self.add(instance, again)
        return steps

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
        multi = is_multi(dep)
        keys = self._keys(dep, binding)
        values = [self.view.get(k) for k in keys] if with_values else []
        return Resolved(dep, keys, values, multi)

    def _in_layout(self, dep: DashDependency, binding: Binding) -> bool:
        """A dependency counts as present if its component is; an ALL one always does (it may be empty)."""
        if not dep.has_wildcard():
            return dep.id_str in self.view.present
        if is_multi(dep):
            return True
        keys = self._keys(dep, binding)
        return bool(keys) and self.view.has(keys[0].rpartition(".")[0])

    def _check(self, cb: CallbackSpec, binding: Binding) -> str | None:
        """Why a callback cannot run now: a reason to skip it, "deferred", or None to run it.

        As Dash: every Input, State and Output that names one component must find it (an ALL one may be
        empty). With all Inputs absent the call is silently prevented; with some, it is an error in Dash's
        console and no call; with an Output absent, no call either."""
        view = self.view
        if not all(view.knows_id(i) for i in cb.plain_ids):
            return "deferred"
        absent = [d for d in cb.inputs if not is_multi(d) and not self._in_layout(d, binding)]
        empty = [d for d in cb.inputs if is_multi(d) and not self._keys(d, binding)]
        if cb.inputs and len(absent) + len(empty) == len(cb.inputs) and absent:
            return "no input in layout"  # every Input absent: prevented, allow_optional or not (as Dash)
        if not all(getattr(d, "allow_optional", False) for d in absent):
            return "input not in layout"
        if not all(is_multi(o) or self._in_layout(o, binding) for o in cb.outputs):
            return "output not in layout"
        if cb.outputs and not self._outputs_found(cb, binding):
            return "no output in layout"  # only ALL Outputs, over no items: Dash drops the call
        if not all(_optional_or_present(self, d, binding) for d in cb.states):
            return "state not in layout"
        for dep in (*cb.inputs, *cb.states):
            if not all(view.knows_value(k) for k in self._keys(dep, binding)):
                return "deferred"
        return None


def _optional_or_present(chain: "Chain", dep: DashDependency, binding: Binding) -> bool:
    """Whether a State lets its callback run: an ALL one always does, an allow_optional one too."""
    return is_multi(dep) or getattr(dep, "allow_optional", False) or chain._in_layout(dep, binding)


async def collect(chain: "Chain") -> list[Step]:
    """All steps of a chain, in order (for tests and the headless client)."""
    return [step async for batch in chain for step in batch.steps]
