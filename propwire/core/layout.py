"""The layout as the engine sees it during one chain: prop values and which ids are present where."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from typing import Any

import orjson

from propwire.api.dependencies import _ID_VALUE_TYPES, exact_id, id_matches, id_pairs, id_string, shown, split_key
from propwire.components.foreign import node_props
from propwire.components.persistence import persisted_in_json


def is_component(value: Any) -> bool:
    return isinstance(value, dict) and "type" in value and "props" in value and "namespace" in value


def walk(value: Any, slot: str | None = None) -> Iterator[tuple[dict, str | None]]:
    """Every component JSON inside `value`, with the nearest enclosing slot inside `value` (or `slot`).

    Plain dicts are not looked into (they are data), except below a library component's deep node prop
    (`loaderProps.children`, propwire/components/foreign.py)."""
    if is_component(value):
        yield value, slot
        props = value["props"]
        own = props.get("id")
        deep = node_props(value["namespace"], value["type"])
        for name, child in props.items():
            if isinstance(child, (dict, list)):
                inner = f"{id_string(own)}.{name}" if own is not None else slot
                yield from (_walk_deep(child, inner) if deep and deep.get(name) else walk(child, inner))
    elif isinstance(value, list):
        for item in value:
            yield from walk(item, slot)


def _walk_deep(value: Any, slot: str | None) -> Iterator[tuple[dict, str | None]]:
    if is_component(value) or isinstance(value, list):
        yield from walk(value, slot) if is_component(value) else (c for v in value for c in _walk_deep(v, slot))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _walk_deep(item, slot)


# Patch operations that only add to a value (docs/protocol.md): what they add is all the server needs to know.
_ADDING = frozenset({"append", "prepend", "insert", "extend", "assign"})


class _Known:
    """A set shared by many views (an event's read set) plus what this view learned: no copy per event."""

    __slots__ = ("shared", "own")

    def __init__(self, shared: AbstractSet[str], own: Iterable[str]):
        self.shared = shared
        self.own = set(own)

    def __contains__(self, item: str) -> bool:
        return item in self.own or item in self.shared

    def add(self, item: str) -> None:
        self.own.add(item)

    def update(self, items: Iterable[str]) -> None:
        self.own.update(items)


class LayoutView:
    """Values and presence the engine knows; everything else is unknown, not absent."""

    # The parsed dict ids present and their index by value, rebuilt when the ids present change (_ids_changed).
    _ids: list[tuple[str, dict]] | None
    _index: dict[tuple, list[str]] | None
    _indexed: bool

    def __init__(self, values: dict[str, Any], present: dict[str, list[str]],
                 known_ids: AbstractSet[str] | None = None, known_values: AbstractSet[str] | None = None):
        self.values = dict(values)
        self.present = {k: list(v) for k, v in present.items()}
        # None means "everything is known" (the page load, where the server holds the whole layout).
        self.known_ids = None if known_ids is None else _Known(known_ids, present)
        self.known_values = None if known_values is None else _Known(known_values, values)
        self.unknown: set[str] = set()
        self.removed: list[str] = []
        # Components this view inserted itself: every prop of theirs is known (one it lacks is unset, None).
        self.whole: set[str] = set()
        self._parsed: dict[str, dict] = {}
        self._ids_changed()
        # Slots some present component sits inside (never shrinks: a stale one costs a scan, nothing more).
        self._containers = {slot for anc in self.present.values() for slot in anc}
        self.props_of: dict[str, set[str]] = {}
        for key in self.values:
            id_str, prop = split_key(key)
            self.props_of.setdefault(id_str, set()).add(prop)

    @classmethod
    def from_layout(cls, layout_json: dict, unknown: AbstractSet[str] = frozenset()) -> LayoutView:
        """The page-load view: the server holds the whole layout, except props only the browser knows."""
        view = cls({}, {})
        view.insert(layout_json, [])
        view.unknown = set(unknown)
        return view

    def has(self, id_str: str) -> bool:
        return id_str in self.present

    def knows_id(self, id_str: str) -> bool:
        return self.known_ids is None or id_str in self.known_ids

    def knows_value(self, key: str) -> bool:
        if key in self.unknown:
            return False
        if self.known_values is None or key in self.known_values:
            return True
        id_str = split_key(key)[0]
        if id_str in self.whole:
            return True
        return self.knows_id(id_str) and not self.has(id_str)  # an absent component's prop reads as None

    def get(self, key: str) -> Any:
        return self.values.get(key)

    def set(self, key: str, value: Any) -> list[str]:
        """Set a prop; components inside the new value replace those inside the old. Returns inserted ids."""
        id_str, _ = split_key(key)
        self.removed = self._remove_inside(key)
        self.values[key] = value
        self.unknown.discard(key)
        self.props_of.setdefault(id_str, set()).add(split_key(key)[1])
        if self.known_values is not None:
            self.known_values.add(key)
        if not isinstance(value, (dict, list)):
            return []
        return self.insert(value, self.present.get(id_str, []) + [key])

    def insert(self, value: Any, ancestry: list[str]) -> list[str]:
        """Register every component with an id inside `value`, whose enclosing slots start with `ancestry`."""
        inserted: list[str] = []
        chains: dict[str, list[str]] = {}
        for comp, slot in walk(value):
            own = comp["props"].get("id")
            if own is None:
                continue
            if isinstance(own, dict):
                _check_dict_id(own)
            elif isinstance(own, str) and own.startswith("{"):  # would read as a dict id's JSON
                raise TypeError(f"the component id {shown(own)} is a string starting with '{{'")
            id_str = id_string(own)
            parent = split_key(slot)[0] if slot else None
            anc = chains[parent] + [slot] if slot and parent in chains else list(ancestry)
            chains[id_str] = anc
            self._containers.update(anc)
            self._forget(id_str)
            self.present[id_str] = anc
            self._ids_changed()
            for name, prop_value in comp["props"].items():
                self.values[f"{id_str}.{name}"] = prop_value
            self.props_of[id_str] = set(comp["props"])
            # A kept edit may replace a persisted prop as the browser inserts it: its readers wait for its value.
            self.unknown.update(f"{id_str}.{prop}" for prop in persisted_in_json(comp))
            if self.known_ids is not None:
                self.known_ids.add(id_str)
                self.whole.add(id_str)
            if self.known_values is not None:
                self.known_values.update(f"{id_str}.{name}" for name in comp["props"])
            inserted.append(id_str)
        return inserted

    def insert_patched(self, key: str, ops: list) -> list[str]:
        """A Patch on a slot whose value this view lacks: the components its operations add are known whole, and
        those the browser said sit inside the slot are rendered anew with them (Dash re-crawls the whole prop).
        Returns both, in layout order."""
        id_str = split_key(key)[0]
        ancestry = self.present.get(id_str, []) + [key]
        inside = [i for i, anc in self.present.items() if key in anc]
        added: list[str] = []
        for op in ops:
            if isinstance(op, list) and len(op) == 3 and op[0] in _ADDING:
                added += self.insert(op[2], ancestry)
        return list(dict.fromkeys(inside + added))

    def _forget(self, id_str: str) -> None:
        for prop in self.props_of.pop(id_str, ()):
            self.values.pop(f"{id_str}.{prop}", None)
        if self.present.pop(id_str, None) is not None:
            self._ids_changed()

    def _remove_inside(self, slot: str) -> list[str]:
        if slot not in self._containers:  # a text or number prop: nothing sits inside it
            return []
        gone = [i for i, anc in self.present.items() if slot in anc]
        for id_str in gone:
            self._forget(id_str)
            if self.known_ids is not None:
                self.known_ids.add(id_str)
        return gone

    def matching(self, pattern: dict, binding: tuple | None = None) -> list[str]:
        """Present ids that fit a pattern-matching id, in layout order."""
        exact = exact_id(pattern, binding)
        if exact is not None:  # a MATCH instance's own id: a lookup, not a scan of every dict id in the page
            index = self._by_value()
            if index is not None:
                try:
                    return list(index.get(exact, ()))
                except TypeError:  # a pattern value that cannot be hashed: scan
                    pass
        return [i for i, parsed in self._dict_ids() if id_matches(pattern, parsed, binding)]

    def _dict_ids(self) -> list[tuple[str, dict]]:
        """Present dict ids, parsed, in layout order (kept until the ids present change)."""
        if self._ids is None:
            cache = self._parsed
            self._ids = [(i, cache[i] if i in cache else cache.setdefault(i, orjson.loads(i)))
                         for i in self.present if i.startswith("{")]  # ids checked on the way in: they parse
        return self._ids

    def _by_value(self) -> dict[tuple, list[str]] | None:
        if not self._indexed:
            self._indexed, self._index = True, _index_of(self._dict_ids())
        return self._index

    def _ids_changed(self) -> None:
        self._ids = None
        self._index = None
        self._indexed = False


def _check_dict_id(own: dict) -> None:
    """A dict id inside a value the client sent (a changed children): Dash's rules, or a TypeError the event
    endpoint turns into a 400 (a list or null value would break every lookup by id later on)."""
    if not own or not all(isinstance(k, str) and k and isinstance(v, _ID_VALUE_TYPES) for k, v in own.items()):
        raise TypeError(f"the component id {shown(own)} is not an object of non-empty keys to strings, numbers "
                        f"or booleans")


def _index_of(ids: list[tuple[str, dict]]) -> dict[tuple, list[str]] | None:
    """Dict ids by their sorted (key, value) pairs; None if a value cannot be hashed (then lookups scan)."""
    index: dict[tuple, list[str]] = {}
    try:
        for id_str, parsed in ids:
            index.setdefault(id_pairs(parsed), []).append(id_str)
    except TypeError:
        return None
    return index
