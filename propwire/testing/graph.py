"""The page config's graph as the client uses it: triggers, read sets and writes, with pattern ids expanded
(renderer/src/events.ts)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from propwire.api.dependencies import split_key
from propwire.testing.patterns import Binding, Pattern, binding_of, fits, parse_dict_id, parse_pattern
from propwire.testing.store import UNSET, Store

# The callbacks an event asks for, each with the MATCH instances that triggered it, or None when all its
# instances may run (a plain trigger, or no binding known). In the order they were asked for.
Asked = dict[int, "list[Binding] | None"]


def is_pattern(id_str: str) -> bool:
    """Whether an id string holds a wildcard (ALL, MATCH, ALLSMALLER)."""
    return parse_pattern(id_str) is not None


class ClientGraph:
    """`config.graph` with indices resolved to prop keys."""

    def __init__(self, raw: dict[str, Any] | None):
        raw = raw or {}
        props: list[str] = raw.get("props", [])
        self.triggers: dict[str, list[int]] = {}
        self._patterns: list[tuple[Pattern, str, list[int]]] = []  # pattern Inputs: (pattern, prop, callbacks)
        for key, cbs in raw.get("triggers", {}).items():
            id_str, prop = split_key(key)
            pattern = parse_pattern(id_str)
            if pattern is None:
                self.triggers[key] = list(cbs)
            else:
                self._patterns.append((pattern, prop, list(cbs)))
        callbacks = raw.get("callbacks", [])
        self.reads = [[props[i] for i in cb.get("values", [])] for cb in callbacks]
        self.ids = [list(cb.get("ids", [])) for cb in callbacks]
        self.writes = [[props[i] for i in cb.get("writes", [])] for cb in callbacks]
        self.running = [cb.get("running", []) for cb in callbacks]
        self.names = [cb.get("name") if isinstance(cb.get("name"), str) else "" for cb in callbacks]
        self.suppress = raw.get("suppress") is True  # suppress_callback_exceptions: absent set_props ids unreported
        # Props that follow another, by kind: {"dcc.Slider": {"value": ["drag_value"]}} (core/follows.py)
        self.follow_rules: dict[str, dict[str, list[str]]] = raw.get("follows") or {}
        # Background callbacks' cancel Inputs: a change of one stops the callback's running jobs
        self.cancelled_by: dict[str, list[int]] = {}
        for index, cb in enumerate(callbacks):
            for key in cb.get("cancel", []):
                self.cancelled_by.setdefault(key, []).append(index)
        # read keys and ids with MATCH that only the callback itself reads: narrowed to the triggered instance
        self.narrow = [{props[i] for i in cb.get("narrow", [])} for cb in callbacks]
        self.narrow_ids = [set(cb.get("narrowIds", [])) for cb in callbacks]
        # Clientside callbacks by number: the headless client cannot run JavaScript (docs/testing.md)
        self.clientside: dict[int, dict[str, Any]] = {
            int(cb): spec for cb, spec in (raw.get("clientside") or {}).get("callbacks", {}).items()}

    def title(self, cb: int) -> str:
        """How the page's messages name callback `cb`, as the renderer does: "Callback 'fire'" ("Callback 3" when
        the graph gave it no name)."""
        name = self.names[cb] if 0 <= cb < len(self.names) else ""
        return f"Callback '{name}'" if name else f"Callback {cb}"

    def local_clientside(self, keys: list[str]) -> list[dict[str, Any]]:
        """The local clientside callbacks a change of these keys runs (the renderer runs them before its event)."""
        found: list[dict[str, Any]] = []
        for key in keys:
            self.each_trigger(key, lambda cb, _: found.append(self.clientside[cb])
                              if cb in self.clientside and self.clientside[cb]["local"] else None)
        return found

    def each_trigger(self, key: str, found: Callable[[int, Binding | None], None]) -> None:
        """found(cb, binding) for each callback with `key` (concrete) as an Input; binding None unless MATCH."""
        for cb in self.triggers.get(key, ()):
            found(cb, None)
        if not self._patterns or not key.startswith("{"):
            return
        id_str, prop = split_key(key)
        concrete = parse_dict_id(id_str)
        if concrete is None:
            return
        for pattern, want, cbs in self._patterns:
            if want == prop and fits(pattern, concrete):
                for cb in cbs:
                    found(cb, binding_of(pattern, concrete))

    def triggered_by(self, keys: Iterable[str]) -> list[int]:
        """The callbacks that have any of `keys` (concrete prop keys) as an Input, ascending."""
        cbs: set[int] = set()
        for key in keys:
            self.each_trigger(key, lambda cb, _binding: cbs.add(cb))
        return sorted(cbs)

    def triggers_any(self, key: str) -> bool:
        return bool(self.triggered_by([key]))

    def asked_for(self, changed: Iterable[str], run: list[dict]) -> Asked:
        """The callbacks the changes trigger and the run entries name, with their MATCH instances."""
        asked: Asked = {}

        def note(cb: int, binding: Binding | None) -> None:
            had = asked.get(cb, UNSET)
            if binding is None or had is None:
                asked[cb] = None
            elif had is UNSET:
                asked[cb] = [binding]
            else:
                had.append(binding)

        for key in changed:
            self.each_trigger(key, note)
        for entry in run:  # a follow-up runs the instances its triggers name; with none named, all of them
            named = []
            for key in entry.get("triggered", []):
                self.each_trigger(key, lambda cb, binding: named.append(binding) if cb == entry["cb"] else None)  # noqa: B023 (called here)
            for binding in named or [None]:
                note(entry["cb"], binding)
        return asked

    def expand(self, store: Store, id_str: str, bindings: list[Binding] | None) -> list[str]:
        """The concrete ids a (possibly pattern) id stands for in the page, narrowed to `bindings` when given."""
        pattern = parse_pattern(id_str)
        if pattern is None:
            return [id_str]
        if bindings is None:
            return store.matching(pattern)
        return [found for binding in bindings for found in store.matching(pattern, binding)]

    def build_event(self, store: Store, seq: int, changed: dict[str, Any], run: list[dict],
                    pending: list[str], asked: Asked | None = None) -> dict[str, Any]:
        """The event body: changed props, read-set values and presence of the callbacks asked for."""
        if asked is None:
            asked = self.asked_for(changed, run)
        values: dict[str, Any] = {}
        follows: dict[str, list[str]] = {}
        plain: dict[str, list[str]] = {}
        dict_ids: dict[str, None] = {}
        for cb, bindings in asked.items():
            for key in _of(self.reads, cb):
                id_str, prop = split_key(key)
                narrowed = bindings if bindings is not None and key in _of(self.narrow, cb) else None
                for concrete in self.expand(store, id_str, narrowed):
                    name = key if concrete == id_str else f"{concrete}.{prop}"
                    value = store.value(name)
                    if name in values:
                        continue
                    self._note_follows(store, concrete, prop, follows)
                    if value is not UNSET:
                        values[name] = value
                    elif concrete != id_str:  # a present pattern component's unset prop: null, so the server
                        values[name] = None   # knows it is unset rather than not sent
            for id_str in _of(self.ids, cb):
                narrowed = bindings if bindings is not None and id_str in _of(self.narrow_ids, cb) else None
                for concrete in self.expand(store, id_str, narrowed):
                    entry = store.entry(concrete)
                    if concrete.startswith("{"):
                        dict_ids[concrete] = None
                    elif entry is not None and concrete not in plain:
                        plain[concrete] = list(entry.ancestry)
        present = plain  # then dict ids in document order: the server takes a pattern's components in this order
        for id_str in store.sort_ids(list(dict_ids)):
            entry = store.entry(id_str)
            if entry is not None:
                present[id_str] = list(entry.ancestry)
        body: dict[str, Any] = {"seq": seq, "changed": changed, "values": values, "present": present,
                                "pending": pending}
        if run:
            body["run"] = run
        if follows:
            body["follows"] = follows
        return body

    def _note_follows(self, store: Store, id_str: str, prop: str, follows: dict[str, list[str]]) -> None:
        """If `prop` of this component follows another of its props (a slider's drag_value its value), say so:
        the server then copies a value a callback writes into it, as the component would."""
        entry = store.entry(id_str) if self.follow_rules else None
        if entry is None:
            return
        rule = self.follow_rules.get(f"{entry.comp['namespace']}.{entry.comp['type']}", {})
        for leader, followers in rule.items():
            if prop in followers:
                found = follows.setdefault(f"{id_str}.{leader}", [])
                if f"{id_str}.{prop}" not in found:
                    found.append(f"{id_str}.{prop}")

    def asked_writes(self, cbs: Iterable[int]) -> list[str]:
        """What these callbacks and their downstream may write: `pending` before a stream's plan arrives."""
        return sorted({k for cb in cbs for k in _of(self.writes, cb)})


def _of(table: list, cb: int) -> Any:
    """A callback's row of a per-callback table; empty for one the graph does not have (a server's line may
    name it: the renderer then reads nothing for it, and the server answers the follow-up with a 400)."""
    return table[cb] if 0 <= cb < len(table) else ()
