"""The callback graph: every callback's props, who triggers whom, and the read sets the browser sends."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from propwire.api.callbacks import CallbackSpec, _check_duplicates, duplicate_fix
from propwire.api.dependencies import (
    ALLSMALLER,
    MATCH,
    Binding,
    DashDependency,
    binding_of,
    concrete_id,
    id_matches,
    parse_id,
    split_key,
    wildcard_of,
)
from propwire.api.exceptions import ValidationError
from propwire.api.patterns import pattern_id, patterns_may_meet
from propwire.core.bounded import BoundedCache
from propwire.core.clientside import callback_label, client_table, local_callbacks
from propwire.core.follows import Follows
from propwire.core.outcomes import Plan
from propwire.core.read_set import ReadSet, loose

# Props whose values may hold components: writing one may insert components.
SLOT_PROPS = frozenset({"children"})

__all__ = ["CallbackSpec", "Graph", "ReadSet", "SLOT_PROPS", "Smaller", "has_match_output"]


def has_match_output(cb: CallbackSpec) -> bool:
    """Whether a callback has instances (one per MATCH value of its Outputs) rather than being one call."""
    return any(isinstance(o.component_id, dict) and any(wildcard_of(v) is MATCH for v in o.component_id.values())
               for o in cb.outputs)


@dataclass(frozen=True)
class Smaller:
    """A change to a component an ALLSMALLER Input reads: it reaches every instance whose MATCH value is larger,
    which only the layout knows (the chain expands it, Chain._bindings)."""

    dep: DashDependency
    id_str: str


@dataclass
class Graph:
    """All callbacks of an app, indexed by the props they read and write."""

    callbacks: list[CallbackSpec]
    layout_ids: frozenset[str] = frozenset()
    prevent_default: bool = False
    suppress_missing: bool = False  # suppress_callback_exceptions: the page does not report absent set_props ids
    layout_types: dict[str, Any] = field(default_factory=dict)  # id -> class in the initial layout (validation.py)
    follows: Follows = field(default_factory=Follows.declared)  # props that follow another (core/follows.py)
    by_input: dict[str, list[int]] = field(default_factory=dict)
    by_output: dict[str, list[int]] = field(default_factory=dict)
    by_id: dict[str, list[int]] = field(default_factory=dict)
    # Raise ValidationError for duplicate outputs and cycles; with False they are left in `problems`.
    check: bool = True

    def __post_init__(self) -> None:
        self.pattern_inputs: dict[str, list[tuple[int, DashDependency]]] = {}
        self.pattern_outputs: dict[str, list[tuple[int, DashDependency]]] = {}
        self.pattern_deps: list[tuple[int, DashDependency]] = []
        for i, cb in enumerate(self.callbacks):
            cb.index = i
            _check_duplicates(cb, self.prevent_default)
            dep: DashDependency
            for dep in cb.inputs:
                self._index(dep, i, self.by_input, self.pattern_inputs)
            for dep in cb.outputs:
                self._index(dep, i, self.by_output, self.pattern_outputs)
            for dep in (*cb.outputs, *cb.inputs, *cb.states):
                if dep.has_wildcard():
                    self.pattern_deps.append((i, dep))
                else:
                    self.by_id.setdefault(dep.id_str, []).append(i)
        self.problems = self._problems()
        if self.problems and self.check:
            raise ValidationError(self.problems)
        self._dynamic = [cb.index for cb in self.callbacks
                         if cb.is_pattern or not cb.ids() <= self.layout_ids]
        self._feeds_of = [self._feeds(cb) - {cb.index} for cb in self.callbacks]
        self._follow_writers = self.follows.writers_table(self.by_output)
        self._downstream = [self._direct_downstream(cb) for cb in self.callbacks]
        self._closures = [self._closure([cb.index]) for cb in self.callbacks]
        # Plain keys are looked up directly; only concrete pattern keys, which clients make up, go through
        # caches, bounded by bytes (bounded.py) and holding only keys the graph knows (see triggered_by).
        self._plain_triggers: dict[str, list[tuple[int, Binding | Smaller]]] = {
            key: [(i, ()) for i in found] for key, found in self.by_input.items()}
        self._triggered_cache = BoundedCache()
        self._writers_cache = BoundedCache()
        self._plans = BoundedCache(max_entries=4096, size=_starts_size, max_item=1 << 20)
        self._event_read_sets = BoundedCache(max_entries=4096, size=_starts_size, max_item=1 << 20)
        self.local_clientside = local_callbacks(self)  # the browser runs these itself (core/clientside.py)

    def caches(self) -> dict[str, BoundedCache]:
        """The graph's caches by name (for tests and monitoring: their len() and .bytes)."""
        return {"triggered": self._triggered_cache, "writers": self._writers_cache, "plans": self._plans,
                "read_sets": self._event_read_sets}

    @staticmethod
    def _index(dep: DashDependency, i: int, plain: dict, patterns: dict) -> None:
        if dep.has_wildcard():
            patterns.setdefault(dep.component_property, []).append((i, dep))
        elif i not in plain.get(dep.key, ()):
            plain.setdefault(dep.key, []).append(i)

    # -- lookups by concrete prop key -------------------------------------------------

    def triggered_by(self, key: str) -> list[tuple[int, Binding | Smaller]]:
        """The callback instances a change to `key` triggers (looked up several times an event: cached).

        Any string may be asked about: a malformed or unknown key triggers nothing, and only keys that do
        trigger something are cached, so a flood of rejected events leaves the cache as it was."""
        if key[:1] != "{":
            return self._plain_triggers.get(key, [])
        return self._triggered_cache.lookup(key, self._triggered_by)

    def _triggered_by(self, key: str) -> list[tuple[int, Binding | Smaller]]:
        found: list[tuple[int, Binding | Smaller]] = list(self._plain_triggers.get(key, ()))
        id_str, prop = split_key(key)
        if prop in self.pattern_inputs:
            try:
                concrete = concrete_id(id_str)
            except ValueError:
                return found
            for i, dep in self.pattern_inputs[prop]:
                if any(wildcard_of(v) is ALLSMALLER for v in pattern_id(dep).values()):
                    if id_matches(loose(pattern_id(dep)), concrete):
                        found.append((i, Smaller(dep, id_str)))
                elif id_matches(dep.component_id, concrete):
                    found.append((i, binding_of(dep.component_id, concrete)))
        return list(dict.fromkeys(found))

    def writers(self, key: str) -> list[int]:
        """Callbacks that may write `key` (pattern keys cached, bounded: they are keys of components an
        accepted event said are present, so each is valid, but a client chooses them)."""
        if key[:1] != "{":
            return self._follow_writers.get(key) or self.by_output.get(key, [])
        return self._writers_cache.lookup(key, self._writers, keep=_always)

    def _writers(self, key: str) -> list[int]:
        found = list(self.by_output.get(key, ()))
        id_str, prop = split_key(key)
        if prop in self.pattern_outputs:
            try:
                concrete = concrete_id(id_str)
            except ValueError:
                return found
            found += [i for i, dep in self.pattern_outputs[prop] if id_matches(dep.component_id, concrete)]
        for leader in self.follows.leader_keys(key):  # a slider's drag_value is written with its value
            found += [i for i in self._writers(leader) if i not in found]
        return found

    def naming(self, id_str: str) -> list[int]:
        """Callbacks with a dependency on this component (pattern ones included)."""
        found = list(self.by_id.get(id_str, ()))
        if id_str.startswith("{"):
            try:
                concrete = concrete_id(id_str)
            except ValueError:  # views hold only checked ids; a malformed one names no pattern
                concrete = None
            found += [i for i, dep in self.pattern_deps if id_matches(dep.component_id, concrete)]
        return sorted(set(found))

    # -- validation ---------------------------------------------------------------------

    def _problems(self) -> list[str]:
        """Outputs written by several callbacks without allow_duplicate, and a cycle through callbacks."""
        problems = []
        for key, writers in self.by_output.items():
            plain = [i for i in writers if not self._output(i, key).allow_duplicate]
            if len(plain) > 1:
                names = " and ".join(self.callbacks[i].describe() for i in plain)
                # The whole fix at once: allow_duplicate alone would meet the prevent_initial_call rule next.
                # Keep the plain Output on one that runs at load, so the fewest callbacks need prevent_initial_call.
                keep = next((i for i in plain if not self.callbacks[i].prevent_initial_call), plain[0])
                fix = duplicate_fix(self._output(keep, key), self.callbacks[keep],
                                    [self.callbacks[i] for i in plain if i != keep], self.prevent_default)
                problems.append(f"Output '{key}' is written by {names}; {fix}")
        cycle = self._find_cycle()
        if cycle:
            path = " -> ".join(self.callbacks[i].describe() for i in cycle)
            problems.append(f"circular dependency through several callbacks: {path}")
        return problems

    def _output(self, i: int, key: str) -> Any:
        return next(o for o in self.callbacks[i].outputs if o.key == key)

    def _feeds(self, a: CallbackSpec, follow: bool = True) -> set[int]:
        """Callbacks with an Input that some Output of `a` may write; with `follow`, or a prop following one
        (a slider's drag_value its value). Cycles are looked for without: Dash's own check does not see them."""
        found: set[int] = set()
        for out in a.outputs:
            for prop in (out.component_property, *(self.follows.followers(out.component_property) if follow else ())):
                found |= self._readers(out, prop)
        return found

    def _readers(self, out: DashDependency, prop: str) -> set[int]:
        """Callbacks with an Input on `prop` of a component `out` may name."""
        found = set(self.by_input.get(f"{out.id_str}.{prop}", ()))
        for j, dep in self.pattern_inputs.get(prop, ()):
            if patterns_may_meet(out.component_id, dep.component_id):
                found.add(j)
        if out.has_wildcard():
            for key, readers in self.by_input.items():
                id_str, key_prop = split_key(key)
                if key_prop == prop and patterns_may_meet(out.component_id, parse_id(id_str)):
                    found.update(readers)
        return found

    def _direct_downstream(self, cb: CallbackSpec) -> set[int]:
        """Callbacks whose Inputs cb writes (not cb itself), plus, if cb writes a slot, those it may insert.

        A callback naming set_props may write anything, unless it runs as a background job: a job's set_props
        values reach the page as side updates (`progress` lines), whose readers the page triggers in an event of
        their own (docs/protocol.md), so they are not downstream of the job in its chain."""
        found = set(self._feeds_of[cb.index])
        if cb.may_set_props and cb.background is None:
            found.update(range(len(self.callbacks)))
        elif any(o.component_property in SLOT_PROPS for o in cb.outputs):
            found.update(self._dynamic)
        found.discard(cb.index)
        return found

    def _find_cycle(self) -> list[int] | None:
        edges = [self._feeds(cb, follow=False) - {cb.index} for cb in self.callbacks]
        color = [0] * len(self.callbacks)
        stack: list[int] = []

        def visit(i: int) -> list[int] | None:
            color[i] = 1
            stack.append(i)
            for j in edges[i]:
                if color[j] == 1:
                    return stack[stack.index(j):] + [j]
                if color[j] == 0 and (found := visit(j)):
                    return found
            stack.pop()
            color[i] = 2
            return None

        for i in range(len(self.callbacks)):
            if color[i] == 0 and (found := visit(i)):
                return found
        return None

    # -- closures and read sets ---------------------------------------------------------

    def feeds(self, i: int) -> set[int]:
        """Callbacks an Output of `i` is an Input of (not `i`): what its results trigger, insertions left out."""
        return self._feeds_of[i]

    def _closure(self, start: Iterable[int]) -> set[int]:
        seen = set(start)
        todo = list(seen)
        while todo:
            for j in self._downstream[todo.pop()]:
                if j not in seen:
                    seen.add(j)
                    todo.append(j)
        return seen

    def closure(self, start: Iterable[int]) -> set[int]:
        """The callbacks that may run once `start` run: themselves and everything downstream."""
        found: set[int] = set()
        for i in start:
            found |= self._closures[i]
        return found

    def read_set(self, callbacks: Iterable[int]) -> tuple[set[str], set[str]]:
        """The prop keys whose values, and the ids whose presence, these callbacks may need.

        Pattern-matching dependencies appear as their wildcard keys, e.g. `{"i":["ALL"]}.value`.
        """
        values: set[str] = set()
        ids: set[str] = set()
        for i in callbacks:
            cb = self.callbacks[i]
            values.update(cb.input_keys, cb.state_keys)
            ids.update(cb.ids())
        return values, ids

    def _narrowable(self, cb: CallbackSpec, closure: set[int]) -> tuple[set[str], set[str]]:
        """Pattern keys and ids with MATCH that only `cb` itself reads: the browser may narrow them to
        the components of the triggered instance instead of sending every component that fits."""
        def with_match(deps: Iterable[DashDependency]) -> list[DashDependency]:
            return [d for d in deps if isinstance(d.component_id, dict)
                    and any(wildcard_of(v) is MATCH for v in d.component_id.values())
                    and not any(wildcard_of(v) is not None and wildcard_of(v) is not MATCH
                                for v in d.component_id.values())]

        others_values, others_ids = self.read_set(closure - {cb.index})
        values = {d.key for d in with_match((*cb.inputs, *cb.states))} - others_values
        ids = {d.id_str for d in with_match((*cb.outputs, *cb.inputs, *cb.states))} - others_ids
        return values, ids

    def to_client(self) -> dict[str, Any]:
        """What the renderer needs to build events: the trigger table and per-callback read sets."""
        table: dict[str, int] = {}

        def index(key: str) -> int:
            return table.setdefault(key, len(table))

        callbacks = []
        read_props: set[str] = set()
        for cb in self.callbacks:
            closure = self._closures[cb.index]
            values, ids = self.read_set(closure)
            read_props.update(split_key(k)[1] for k in values)
            writes = {index(k) for j in closure for k in self.callbacks[j].output_keys}
            # Its name (a function name, never a path: docs/security.md) so the page's messages say which one.
            entry: dict[str, Any] = {"name": callback_label(cb), "values": sorted(index(k) for k in values),
                                     "ids": sorted(ids), "writes": sorted(writes)}
            if cb.running:
                entry["running"] = [[out.key, on, off] for out, on, off in cb.running]
            if cb.background is not None:  # its jobs' ids come on `job` lines; these Inputs cancel them
                entry["cancel"] = cb.background.cancel_keys
            narrow_values, narrow_ids = self._narrowable(cb, closure)
            if narrow_values or narrow_ids:
                entry["narrow"] = sorted(index(k) for k in narrow_values)
                entry["narrowIds"] = sorted(narrow_ids)
            callbacks.append(entry)
        triggers = dict(self.by_input)
        for _prop, deps in self.pattern_inputs.items():
            for i, dep in deps:
                triggers.setdefault(dep.key, []).append(i)
        for key in triggers:
            index(key)
        out: dict[str, Any] = {"props": list(table), "triggers": triggers, "callbacks": callbacks}
        clientside = client_table(self)
        if clientside:
            out["clientside"] = clientside
        if self.suppress_missing:
            out["suppress"] = True
        if follows := self.follows.to_client(read_props):  # the rules whose followers the page sends
            out["follows"] = follows
        return out

    def plan(self, starts: frozenset[int]) -> Plan:
        """The plan of a chain starting with these callbacks: what may run, what may be written (cached;
        the plan is shared, so it must not be changed)."""
        return self._plans.lookup(starts, self._plan, keep=_always)

    def _plan(self, starts: frozenset[int]) -> Plan:
        callbacks = sorted(self.closure(starts))
        return Plan(callbacks, sorted({k for i in callbacks for k in self.callbacks[i].output_keys}))

    def event_read_set(self, starts: Iterable[int]) -> ReadSet:
        """read_set(closure(starts)), computed once per set of starting callbacks (events repeat them)."""
        return self._event_read_sets.lookup(frozenset(starts), lambda key: ReadSet(*self.read_set(self.closure(key))),
                                            keep=_always)

    def to_devtools(self) -> list[dict[str, Any]]:
        """Names and props of every callback, for the dev tools (debug mode only: it shows source paths)."""
        return [{"name": callback_label(cb), "where": cb.where, "inputs": cb.input_keys, "states": cb.state_keys,
                 "outputs": cb.output_keys, "clientside": cb.clientside is not None} for cb in self.callbacks]


def _always(_: Any) -> bool:
    return True


def _starts_size(starts: frozenset) -> int:
    """A plan's or read set's size estimate: they are built from the graph's own strings, so they grow with
    the number of callbacks, which the app bounds; what a client chooses is only which callbacks start."""
    return 64 * len(starts) + 4096
