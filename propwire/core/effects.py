"""What outputs do to the chain: they change the view, trigger their readers, and start the callbacks of the
components they insert or remove (docs/semantics.md S4, S5)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from propwire.api.callbacks import CallbackSpec
from propwire.api.dependencies import (
    ALL,
    ALLSMALLER,
    Binding,
    DashDependency,
    binding_of,
    id_matches,
    parse_id,
    wildcard_of,
)
from propwire.api.patch import apply_patch
from propwire.core.graph import Smaller
from propwire.core.steps import is_multi

if TYPE_CHECKING:
    from propwire.core.engine import Engine
    from propwire.core.graph import Graph
    from propwire.core.layout import LayoutView


class Effects:
    """The output half of a Chain (mixed into it): needs `view`, `graph`, `engine`, `add`, `trigger`, `note`."""

    engine: "Engine"
    graph: "Graph"
    view: "LayoutView"

    def _apply(self, key: str, value: Any, crawl: bool = True) -> None:
        """S4/S5: an output changes the view, triggers its readers and the callbacks of what it inserted.

        `crawl=False` for a set_props write: Dash applies those as side updates, which notify the prop's readers
        but do not look for callbacks in the components they insert (neither by Input nor by Output)."""
        id_str = key.rpartition(".")[0]
        if not self.view.has(id_str):
            if not self.view.knows_id(id_str):  # set_props on a component this event did not describe
                self.view.values[key] = value
                self.trigger(key)  # its readers come back deferred, and the browser asks again
            return
        inserted = self.view.set(key, value)
        removed = self.view.removed
        self.trigger(key)
        if (inserted or removed) and crawl:
            self._on_insert(inserted, removed)

    def _apply_patch(self, key: str, ops: list, crawl: bool = True) -> None:
        id_str = key.rpartition(".")[0]
        if not self.view.has(id_str):
            return
        if self.view.knows_value(key):
            self._apply(key, apply_patch(self.view.get(key), ops), crawl)
        else:
            self.view.unknown.add(key)  # downstream readers of it come back deferred
            self.trigger(key)
            inserted = self.view.insert_patched(key, ops)
            if inserted and crawl:
                self._on_insert(inserted, [])

    def _on_insert(self, ids: list[str], removed: list[str]) -> None:
        """S5: callbacks of inserted components run; ALL inputs that lost members run too."""
        for index in sorted({j for i in (*ids, *removed) for j in self.graph.naming(i)}):
            cb = self.graph.callbacks[index]
            for binding, outs_new, keys in self._touched(cb, ids, removed):
                if outs_new:
                    if not self.engine.prevents_initial(cb):
                        self.add_initial((index, binding))
                    else:
                        self.note(index, "prevent_initial_call")
                elif keys:
                    self.add((index, binding), keys)

    def _touched(self, cb: CallbackSpec, ids: list[str], removed: list[str]) -> list[tuple[Binding, bool, list[str]]]:
        """Per instance of cb: whether an Output of it was inserted, and the Input keys inserted or removed.
        A component rendered anew (removed and inserted at once) counts as inserted, as Dash re-crawls it."""
        fresh = set(ids)
        gone = [i for i in removed if i not in fresh]
        found: dict[Binding, tuple[bool, list[str]]] = {}
        for dep in (*cb.outputs, *cb.inputs):
            is_output = dep in cb.outputs
            for id_str in (*ids, *gone):
                for binding in self._instances_named(cb, dep, id_str, id_str in fresh):
                    outs_new, keys = found.get(binding, (False, []))
                    if is_output:
                        outs_new = outs_new or id_str in fresh
                    else:
                        keys = keys + [f"{id_str}.{dep.component_property}"]
                    found[binding] = (outs_new, keys)
        return [(b, o, k) for b, (o, k) in found.items()]

    def _instances_named(self, cb: CallbackSpec, dep: DashDependency, id_str: str, inserted: bool) -> list[Binding]:
        """The instances of cb whose `dep` names this component (a removed one only counts for ALL/ALLSMALLER)."""
        if not dep.has_wildcard():
            return [()] if dep.id_str == id_str and inserted else []
        concrete = parse_id(id_str) if id_str.startswith("{") else None
        if concrete is None or not _fits(dep, concrete) or not (inserted or is_multi(dep)):
            return []
        if any(wildcard_of(v) is ALLSMALLER for v in dep.component_id.values()):
            return self._bindings(cb.index, Smaller(dep, id_str))
        return [binding_of(dep.component_id, concrete)]


def _fits(dep: DashDependency, concrete: dict) -> bool:
    return id_matches({k: (ALL if wildcard_of(v) else v) for k, v in dep.component_id.items()}, concrete)


