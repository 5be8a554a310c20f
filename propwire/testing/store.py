"""The props store the headless client keeps, as the renderer keeps it: components by id, ancestry, versions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from propwire.api.dependencies import id_string, split_key
from propwire.testing.children_props import walk_deep
from propwire.testing.patterns import Binding, Pattern, fits, parse_dict_id


class _Unset:
    """A prop that is not set (the renderer's `undefined`), as opposed to one set to None."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


def is_component(value: Any) -> bool:
    """Component JSON: {type, namespace, props}."""
    return isinstance(value, dict) and "type" in value and "props" in value and "namespace" in value


def component_id(comp: dict) -> str | None:
    """The id string of a component, or None when it has none."""
    own = comp["props"].get("id")
    return None if own is None else id_string(own)


Visit = Callable[[dict, "str | None", tuple[int, ...]], None]


def walk(value: Any, slot: str | None, visit: Visit, path: tuple[int, ...] = ()) -> None:
    """Visit every component inside `value` with its nearest enclosing slot (plain dicts are not searched, but
    along a library kind's children-prop paths: children_props.py)
    and its position: list indices and prop positions from `path` (for document order, as the renderer)."""
    if isinstance(value, list):
        for i, item in enumerate(value):
            walk(item, slot, visit, (*path, i))
        return
    if not is_component(value):
        return
    visit(value, slot, path)
    own = component_id(value)
    for i, (name, child) in enumerate(value["props"].items()):
        if isinstance(child, (dict, list)):
            walk(child, slot if own is None else f"{own}.{name}", visit, (*path, i))
    # a library's children props inside dicts (`marks[].label`): walked there too, as the renderer does
    walk_deep(value, lambda child, name, pos: walk(child, slot if own is None else f"{own}.{name}", visit,
                                                   (*path, *pos)))


def _same(a: Any, b: Any) -> bool:
    """Equal primitives are no change; objects from the wire are always new (as in the renderer)."""
    if isinstance(a, (dict, list)) or isinstance(b, (dict, list)) or a is UNSET or b is UNSET:
        return False
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return a == b and (a is None) == (b is None)


@dataclass
class Entry:
    """One component with an id, and the slots of the id'd components that contain it, outermost first."""

    comp: dict
    ancestry: tuple[str, ...]
    pos: tuple[int, ...] = ()  # list indices and prop positions from the root: document order

    @property
    def kind(self) -> str:
        """`namespace.Type`, e.g. `dcc.Input`."""
        return f"{self.comp['namespace']}.{self.comp['type']}"


class Store:
    """The layout tree, an index id -> component with its ancestry, and a version per prop key."""

    def __init__(self, layout: Any):
        self.root = layout
        self.clock = 0
        self._entries: dict[str, Entry] = {}
        self._versions: dict[str, int] = {}
        self.inserted: list[str] = []  # ids inserted by the last set_prop (for mount behaviour)
        self._insert(layout, (), (), None)

    def entry(self, id_str: str) -> Entry | None:
        return self._entries.get(id_str)

    def has(self, id_str: str) -> bool:
        return id_str in self._entries

    def ids(self) -> Iterator[str]:
        return iter(list(self._entries))

    def value(self, key: str) -> Any:
        """A prop's value; UNSET when unset or when its component is not in the page."""
        id_str, prop = split_key(key)
        entry = self._entries.get(id_str)
        return UNSET if entry is None else entry.comp["props"].get(prop, UNSET)

    def matching(self, pattern: Pattern, binding: Binding | None = None) -> list[str]:
        """The present dict ids a pattern names (narrowed to a binding's MATCH values), in document order."""
        found = []
        for id_str, entry in self._entries.items():
            concrete = parse_dict_id(id_str)
            if concrete is not None and fits(pattern, concrete, binding):
                found.append((entry.pos, id_str))
        return [id_str for _, id_str in sorted(found)]

    def sort_ids(self, ids: list[str]) -> list[str]:
        """Ids in document order (absent ones last)."""
        far = (float("inf"),)
        return sorted(ids, key=lambda i: self._entries[i].pos if i in self._entries else far)

    def version(self, key: str) -> int:
        return self._versions.get(key, 0)

    def set_prop(self, id_str: str, prop: str, value: Any) -> list[str] | None:
        """Set one prop and re-index the components inside it; the keys touched, or None if the id is absent."""
        entry = self._entries.get(id_str)
        self.inserted = []
        if entry is None:
            return None
        key = f"{id_str}.{prop}"
        touched = [key]
        old = entry.comp["props"].get(prop, UNSET)
        if _same(old, value):
            return touched
        if isinstance(old, (dict, list)):
            self._remove(old, touched)
        props = entry.comp["props"] = {**entry.comp["props"], prop: value}
        self._bump(key)
        if isinstance(value, (dict, list)):
            self._insert(value, (*entry.ancestry, key), (*entry.pos, list(props).index(prop)), touched)
        return touched

    def fill(self, key: str, value: Any) -> None:
        """An initial value only the browser knows: part of the initial state, so no version bump."""
        id_str, prop = split_key(key)
        entry = self._entries.get(id_str)
        if entry is not None:
            entry.comp["props"] = {**entry.comp["props"], prop: value}

    def _bump(self, key: str) -> None:
        self.clock += 1
        self._versions[key] = self.clock

    def _insert(self, value: Any, ancestry: tuple[str, ...], pos: tuple[int, ...], touched: list[str] | None) -> None:
        """Index the id'd components inside `value`; `ancestry` and `pos` are those of `value` itself."""
        chains: dict[str, tuple[str, ...]] = {}

        def visit(comp: dict, slot: str | None, path: tuple[int, ...]) -> None:
            own = component_id(comp)
            if own is None:
                return
            parent = None if slot is None else chains.get(split_key(slot)[0])
            chain = ancestry if parent is None else (*parent, slot)
            chains[own] = chain  # type: ignore[assignment]
            self._entries[own] = Entry(comp, chain, path)  # type: ignore[arg-type]
            self.inserted.append(own)
            if touched is not None:
                self._touch_all(own, comp, touched)

        walk(value, None, visit, pos)

    def _remove(self, value: Any, touched: list[str]) -> None:
        def visit(comp: dict, _slot: str | None, _path: tuple[int, ...]) -> None:
            own = component_id(comp)
            found = None if own is None else self._entries.get(own)
            if found is None or found.comp is not comp:  # the id may have moved elsewhere
                return
            del self._entries[own]  # type: ignore[arg-type]
            self._touch_all(own, comp, touched)  # type: ignore[arg-type]

        walk(value, None, visit)

    def _touch_all(self, id_str: str, comp: dict, touched: list[str]) -> None:
        for prop in comp["props"]:
            key = f"{id_str}.{prop}"
            self._bump(key)
            touched.append(key)
