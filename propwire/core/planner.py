"""The planner: which callback instances run in a chain, and when (docs/semantics.md S1–S9).

Pure: it reads the layout view (through a Resolver) and is told what happened — an instance began, a prop was
written, components were inserted, an instance finished — and answers with `ready()`: the instances that may
start now, each with a typed `Decision` (run, defer to the browser, or skip and why). It never calls a callback,
so S1–S9 can be tested with fake outcomes (tests/engine/test_planner.py). Example::

    planner = Planner(graph, Resolver(view), pending=set())
    planner.trigger("button.n_clicks")
    for instance, triggers, decision in planner.ready():
        planner.begin(instance)        # the chain runs it...
        planner.trigger("out.children")  # ...its outputs are applied...
        planner.finished(instance, {"out.children"})
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from propwire.api.callbacks import CallbackSpec
from propwire.api.dependencies import Binding, id_matches, parse_id
from propwire.core import initial_calls, insertions
from propwire.core.graph import Graph, Smaller, has_match_output
from propwire.core.outcomes import CLIENT, DEFER, RUN, Decision, Note, SkipReason, Verdict
from propwire.core.resolver import Resolver
from propwire.core.steps import Instance, is_multi

# How often one instance may run in one chain (Dash would loop for ever on a callback re-inserting its Inputs).
MAX_RUNS = 8


class Planner:
    """One chain's plan: each instance runs at most once (S6), none before its Inputs settle (S2)."""

    def __init__(self, graph: Graph, resolver: Resolver, pending: set[str], *, debug: bool = False,
                 prevents_initial: Callable[[CallbackSpec], bool] = lambda cb: False):
        self.graph, self.resolver, self.pending, self.debug = graph, resolver, pending, debug
        self.prevents_initial = prevents_initial
        self.candidates: dict[Instance, list[str]] = {}
        self.started: set[Instance] = set()
        self.running: dict[Instance, None] = {}  # begun and not finished, in the order they began
        self.runs: dict[Instance, int] = {}
        self.rearmed: dict[Instance, list[str]] = {}
        self.source: Instance | None = None  # the instance whose outputs are being applied
        self.notes: list[Note] = []  # debug mode: why callbacks did not run
        # Initial calls (S1, S5) and what those that ran may have written and did write: an initial call whose
        # every Input only such a call could have written, and none did, is dropped (as Dash prunes its group).
        self.initial: set[Instance] = set()
        self.initial_outputs: set[str] = set()
        self.written_keys: set[str] = set()
        # Clientside callbacks: those the browser runs by itself (and those it ran for this event) are never
        # triggered here; the calls handed to the browser may still write, so their downstream waits (S2).
        self.browser_runs: set[int] = set(graph.local_clientside)
        self.handed: set[Instance] = set()

    def note(self, index: int, reason: SkipReason) -> None:
        if self.debug:
            self.notes.append(Note(index, reason))

    def take_notes(self) -> list[Note]:
        notes, self.notes = self.notes, []
        return notes

    # -- asking for instances -----------------------------------------------------------

    def add(self, instance: Instance, keys: list[str], again: bool = True) -> None:
        """Ask for an instance. One that already ran runs again when triggered anew (as Dash requests it again:
        components it reads were inserted, or an upstream it did not wait for wrote), but never by its own
        outputs (S6) and at most MAX_RUNS times in a chain, so a callback that re-inserts its own Inputs ends."""
        if instance in self.started:
            if not again or instance == self.source or self.runs.get(instance, 0) >= MAX_RUNS:
                return
            if instance in self.running:  # asked for while running: it runs again once it has finished
                self.rearmed.setdefault(instance, []).extend(keys)
                return
            self.started.discard(instance)
        triggers = self.candidates.setdefault(instance, [])
        triggers.extend(k for k in keys if k not in triggers)

    def add_initial(self, instance: Instance) -> None:
        """An initial call (S1, S5): one of the chain's group, which an upstream PreventUpdate may prune."""
        self.initial.add(instance)
        self.add(instance, [])

    def load(self, mounted: Iterable[str] = ()) -> None:
        """The page load: every callback's initial call (S1), but those Dash leaves out of its initial group."""
        mounted = list(mounted)
        self.written_keys.update(mounted)
        instances: list[Instance] = []
        for cb in self.graph.callbacks:
            if self.prevents_initial(cb):
                self.note(cb.index, SkipReason.PREVENT_INITIAL)
            else:
                instances += [(cb.index, binding) for binding in self.resolver.instances_present(cb)]
        excluded = initial_calls.excluded(self.graph, self.resolver, instances)
        for instance in instances:
            if instance in excluded:
                self.note(instance[0], SkipReason.NO_INPUT)
            else:
                self.add_initial(instance)
        # A component setting a prop as it mounts (a Location its URL) triggers its readers, as in Dash: they
        # see it in ctx.triggered, and prevent_initial_call stops only the initial call (the Dash Pages router).
        for key in mounted:
            for index, binding in self.graph.triggered_by(key):
                for bound in self.bindings(index, binding):
                    if (index, bound) in self.candidates or self.prevents_initial(self.graph.callbacks[index]):
                        self.add((index, bound), [key])

    def trigger(self, key: str) -> None:
        """A prop was written (by the user or an output): its readers are asked for (S4)."""
        self.written_keys.add(key)
        for index, binding in self.graph.triggered_by(key):
            if index in self.browser_runs:
                continue
            for bound in self.bindings(index, binding):
                self.add((index, bound), [key])

    def bindings(self, index: int, binding: Binding | Smaller) -> list[Binding]:
        """The instances a trigger reaches: itself; for an ALLSMALLER Input every present instance above it; for a
        plain Input of a MATCH callback every present instance."""
        if not isinstance(binding, Smaller):
            if binding == () and has_match_output(self.graph.callbacks[index]):
                # A plain Input of a MATCH callback: every present instance runs, each on its own (Dash never merges)
                return self.resolver.instances_present(self.graph.callbacks[index])
            return [binding]
        concrete = parse_id(binding.id_str)
        pattern = binding.dep.component_id
        present = self.resolver.instances_present(self.graph.callbacks[index])
        return [b for b in present if id_matches(pattern, concrete, b)]

    def rerun(self, index: int, triggered: list[str]) -> None:
        """A follow-up asks for a callback again: its instances are those its triggers name."""
        cb = self.graph.callbacks[index]
        named: dict[Binding, list[str]] = {}
        for key in triggered:
            for i, binding in self.graph.triggered_by(key):
                for bound in self.bindings(i, binding) if i == index else ():
                    named.setdefault(bound, []).append(key)
        for binding in named or self.resolver.instances_present(cb) or [()]:
            self.add((index, binding), named.get(binding, []))

    def inserted(self, ids: list[str], removed: list[str]) -> None:
        """S5: components were inserted or removed; the callbacks they start are asked for."""
        insertions.start_callbacks(self, ids, removed)

    # -- what runs now ---------------------------------------------------------------------

    def ready(self) -> list[tuple[Instance, list[str], Decision]]:
        """The candidates that need not wait (S2), each taken out of the plan with its triggers and decision."""
        if not self.candidates:
            return []
        may_run = self.may_run()
        out = []
        for instance in [i for i in self.candidates if not self.waits(i, may_run)]:
            triggers = self.candidates.pop(instance)
            self.started.add(instance)
            decision = self.check(self.graph.callbacks[instance[0]], instance[1])
            if decision.verdict in (Verdict.RUN, Verdict.CLIENT) and not triggers \
                    and initial_calls.pruned(self, instance):
                decision = Decision.skip(SkipReason.PREVENTED_UPSTREAM)
            if decision.reason is not None and instance in self.initial \
                    and decision.reason is not SkipReason.PREVENTED_UPSTREAM:  # Dash's call failed: no write
                self.initial_outputs.update(self.resolver.output_keys(self.graph.callbacks[instance[0]], instance[1]))
            out.append((instance, triggers, decision))
        return out

    def begin(self, instance: Instance) -> None:
        """A RUN instance was started."""
        self.runs[instance] = self.runs.get(instance, 0) + 1
        self.running[instance] = None

    def finished(self, instance: Instance, wrote: set[str] | list[str]) -> None:
        """A begun instance is done and its outputs applied (`wrote`: the keys it was declared to write)."""
        self.running.pop(instance, None)
        if instance in self.initial:
            self.initial_outputs.update(wrote)
        again = self.rearmed.pop(instance, None)
        if again is not None:
            self.started.discard(instance)
            self.add(instance, again)

    def hand_over(self, instance: Instance) -> None:
        """A CLIENT instance went to the browser: it may still write, until the follow-up event says what."""
        self.handed.add(instance)

    def leftover(self) -> list[tuple[int, list[str]]]:
        """The candidates still waiting when nothing runs any more: deferred to the browser. An initial call with
        no trigger that waits only for clientside calls is left out: their outputs, sent in the follow-up
        event, trigger it there (and when they write nothing, it is dropped, as Dash prunes it)."""
        return [(index, triggers) for (index, binding), triggers in self.candidates.items()
                if triggers or not self._awaits_client((index, binding))]

    def _awaits_client(self, instance: Instance) -> bool:
        if instance not in self.initial or not self.handed:
            return False
        cb = self.graph.callbacks[instance[0]]
        handed_writes = {k for i in self.handed for k in self.resolver.output_keys(self.graph.callbacks[i[0]], i[1])}
        keys = self.resolver.flat_inputs(cb, instance[1])
        return bool(keys) and keys <= handed_writes | self.initial_outputs and bool(keys & handed_writes)

    # -- S2: waiting --------------------------------------------------------------------------

    def may_run(self) -> set[int]:
        """Callbacks that may still run in this chain: candidates, running ones, and what their outputs feed.
        As in Dash, a callback does not wait for components an upstream may insert: if they come, it runs again."""
        running = {i for i, _ in self.running}
        running |= {i for i, _ in self.handed}  # the browser runs them: their outputs are still to come
        started = {i for i, _ in self.started} - running
        seen = {i for i, _ in self.candidates} | running
        todo = list(seen)
        while todo:
            for j in self.graph.feeds(todo.pop()):
                if j not in seen and j not in started:
                    seen.add(j)
                    todo.append(j)
        return seen

    def waits(self, instance: Instance, may_run: set[int]) -> bool:
        """S2: an Input that a pending or not-yet-run upstream callback may still change."""
        index, binding = instance
        for dep in self.graph.callbacks[index].inputs:
            for key in self.resolver.keys(dep, binding) or [dep.key]:
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
        for other in (*self.candidates, *self.running):
            if other[0] != index or other == instance:
                continue
            if key in self.resolver.output_keys(cb, other[1]) and not self._writes_inputs_of(instance, other):
                return True
        return False

    def _writes_inputs_of(self, writer: Instance, reader: Instance) -> bool:
        cb = self.graph.callbacks[writer[0]]  # one callback: writer and reader are two of its instances
        written = self.resolver.output_keys(cb, writer[1])
        return any(k in written for d in cb.inputs for k in self.resolver.keys(d, reader[1]))

    # -- S3: whether it can run ----------------------------------------------------------------

    def check(self, cb: CallbackSpec, binding: Binding) -> Decision:
        """Whether an instance can run now, as Dash decides: every Input, State and Output that names one component
        must find it (an ALL one may be empty). With all Inputs absent the call is silently prevented; with some,
        it is an error in Dash's console and no call; with an Output absent, no call either."""
        view, r = self.resolver.view, self.resolver
        if not all(view.knows_id(i) for i in cb.plain_ids):
            return DEFER
        absent = [d for d in cb.inputs if not is_multi(d) and not r.in_layout(d, binding)]
        empty = [d for d in cb.inputs if is_multi(d) and not r.keys(d, binding)]
        if cb.inputs and len(absent) + len(empty) == len(cb.inputs) and absent:
            return Decision.skip(SkipReason.NO_INPUT)  # every Input absent: prevented, allow_optional or not
        if not all(getattr(d, "allow_optional", False) for d in absent):
            return Decision.skip(SkipReason.INPUT_ABSENT)
        if not all(is_multi(o) or r.in_layout(o, binding) for o in cb.outputs):
            return Decision.skip(SkipReason.OUTPUT_ABSENT)
        if cb.outputs and not r.outputs_found(cb, binding):
            return Decision.skip(SkipReason.NO_OUTPUT)  # only ALL Outputs, over no items: Dash drops the call
        if not all(is_multi(d) or getattr(d, "allow_optional", False) or r.in_layout(d, binding) for d in cb.states):
            return Decision.skip(SkipReason.STATE_ABSENT)
        if cb.clientside is not None:
            return CLIENT  # the browser reads the values from its own store
        for dep in (*cb.inputs, *cb.states):
            if not all(view.knows_value(k) for k in r.keys(dep, binding)):
                return DEFER
        return RUN
