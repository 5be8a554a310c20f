"""S5 (docs/semantics.md): the callbacks that components inserted into the view, or removed from it, start.

An inserted component's callbacks make their initial call (unless prevent_initial_call); an ALL/ALLSMALLER
Input that gained or lost members runs its callback again. Planning rules: they only ask the planner for
instances (planner.py), reading the view through its resolver.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
from propwire.api.patterns import pattern_id
from propwire.core.graph import Smaller
from propwire.core.outcomes import SkipReason
from propwire.core.steps import is_multi

if TYPE_CHECKING:
    from propwire.core.planner import Planner


def start_callbacks(planner: Planner, ids: list[str], removed: list[str]) -> None:
    """S5: callbacks of inserted components run; ALL inputs that lost members run too."""
    graph = planner.graph
    for index in sorted({j for i in (*ids, *removed) for j in graph.naming(i)}):
        cb = graph.callbacks[index]
        for binding, outs_new, keys in _touched(planner, cb, ids, removed):
            if outs_new:
                if not planner.prevents_initial(cb):
                    planner.add_initial((index, binding))
                else:
                    planner.note(index, SkipReason.PREVENT_INITIAL)
            elif keys:
                planner.add((index, binding), keys)


def _touched(planner: Planner, cb: CallbackSpec, ids: list[str],
             removed: list[str]) -> list[tuple[Binding, bool, list[str]]]:
    """Per instance of cb: whether an Output of it was inserted, and the Input keys inserted or removed.
    A component rendered anew (removed and inserted at once) counts as inserted, as Dash re-crawls it."""
    fresh = set(ids)
    gone = [i for i in removed if i not in fresh]
    found: dict[Binding, tuple[bool, list[str]]] = {}
    for dep in (*cb.outputs, *cb.inputs):
        is_output = dep in cb.outputs
        for id_str in (*ids, *gone):
            for binding in _instances_named(planner, cb, dep, id_str, id_str in fresh):
                outs_new, keys = found.get(binding, (False, []))
                if is_output:
                    outs_new = outs_new or id_str in fresh
                else:
                    keys = keys + [f"{id_str}.{dep.component_property}"]
                found[binding] = (outs_new, keys)
    return [(b, o, k) for b, (o, k) in found.items()]


def _instances_named(planner: Planner, cb: CallbackSpec, dep: DashDependency, id_str: str,
                     inserted: bool) -> list[Binding]:
    """The instances of cb whose `dep` names this component (a removed one only counts for ALL/ALLSMALLER)."""
    if not dep.has_wildcard():
        return [()] if dep.id_str == id_str and inserted else []
    concrete = parse_id(id_str) if id_str.startswith("{") else None
    if concrete is None or not _fits(dep, concrete) or not (inserted or is_multi(dep)):
        return []
    if any(wildcard_of(v) is ALLSMALLER for v in pattern_id(dep).values()):
        return planner.bindings(cb.index, Smaller(dep, id_str))
    return [binding_of(dep.component_id, concrete)]


def _fits(dep: DashDependency, concrete: dict) -> bool:
    return id_matches({k: (ALL if wildcard_of(v) else v) for k, v in pattern_id(dep).items()}, concrete)
