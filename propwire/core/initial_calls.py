"""Which initial calls a chain drops, as Dash prunes them (docs/semantics.md S1; issue 11 items 7, 13, 20).

Dash decides at load which callbacks make up the initial group: one whose present Inputs all come from
excluded callbacks is excluded too, and an initial call whose Inputs all are outputs of initial calls that
wrote nothing (PreventUpdate, no_update) is dropped. Callbacks whose Inputs all are ALL/ALLSMALLER always run.
These are the planner's rules (planner.py); they read the view through its resolver and nothing else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from propwire.core.steps import Instance, is_multi

if TYPE_CHECKING:
    from propwire.core.graph import Graph
    from propwire.core.planner import Planner
    from propwire.core.resolver import Resolver


def pruned(planner: Planner, instance: Instance) -> bool:
    """Item 20 of issue 11, Dash's rule: an initial call whose Inputs all are outputs of initial calls that
    ran, none of which wrote one of them (PreventUpdate, no_update), is dropped; ALL-only Inputs are kept."""
    if instance not in planner.initial:
        return False
    index, binding = instance
    cb = planner.graph.callbacks[index]
    if all(is_multi(d) for d in cb.inputs):
        return False
    keys = planner.resolver.flat_inputs(cb, binding)
    return keys <= planner.initial_outputs and not keys & planner.written_keys


def excluded(graph: Graph, resolver: Resolver, instances: list[Instance]) -> set[Instance]:
    """S1 as Dash prunes its initial calls: one whose present Inputs (none, if all are absent) all are outputs
    of excluded calls is excluded, and so on; a callback whose Inputs all are ALL/ALLSMALLER is never."""
    out: set[Instance] = set()
    outputs: set[str] = set()
    grew = True
    while grew:
        grew = False
        for instance in instances:
            cb = graph.callbacks[instance[0]]
            if instance in out or all(is_multi(d) for d in cb.inputs):
                continue
            if resolver.flat_inputs(cb, instance[1]) <= outputs:
                out.add(instance)
                outputs.update(resolver.output_keys(cb, instance[1]))
                grew = True
    return out
