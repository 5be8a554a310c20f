"""Which initial calls a chain drops, as Dash prunes them (docs/semantics.md S1; issue 11 items 7, 13, 20).

Dash decides at load which callbacks make up the initial group: one whose present Inputs all come from
excluded callbacks is excluded too, and an initial call whose Inputs all are outputs of initial calls that
wrote nothing (PreventUpdate, no_update) is dropped. Callbacks whose Inputs all are ALL/ALLSMALLER always run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from propwire.api.callbacks import CallbackSpec
from propwire.api.dependencies import Binding, DashDependency
from propwire.core.steps import Instance, is_multi

if TYPE_CHECKING:
    from propwire.core.graph import Graph
    from propwire.core.layout import LayoutView


class InitialCalls:
    """The initial-call half of a Chain (mixed into it): needs `graph`, `view`, `_keys`, and the sets `initial`
    (the chain's initial calls), `initial_outputs` (what they may write) and `written` (what was written)."""

    graph: "Graph"
    view: "LayoutView"
    initial: set[Instance]
    initial_outputs: set[str]
    written: set[str]

    def _keys(self, dep: DashDependency, binding: Binding) -> list[str]:  # provided by Chain
        raise NotImplementedError

    def _pruned(self, instance: Instance) -> bool:
        """Item 20 of issue 11, Dash's rule: an initial call whose Inputs all are outputs of initial calls that
        ran, none of which wrote one of them (PreventUpdate, no_update), is dropped; ALL-only Inputs are kept."""
        if instance not in self.initial:
            return False
        index, binding = instance
        cb = self.graph.callbacks[index]
        if all(is_multi(d) for d in cb.inputs):
            return False
        keys = self._flat_inputs(cb, binding)
        return keys <= self.initial_outputs and not keys & self.written

    def _flat_inputs(self, cb: CallbackSpec, binding: Binding) -> set[str]:
        """The Input keys of an instance that are in the view (Dash's flattened Inputs)."""
        return {k for d in cb.inputs for k in self._keys(d, binding) if self.view.has(k.rpartition(".")[0])}

    def excluded_initial(self, instances: list[Instance]) -> set[Instance]:
        """S1 as Dash prunes its initial calls: one whose present Inputs (none, if all are absent) all are outputs
        of excluded calls is excluded, and so on; a callback whose Inputs all are ALL/ALLSMALLER is never."""
        excluded: set[Instance] = set()
        outputs: set[str] = set()
        grew = True
        while grew:
            grew = False
            for instance in instances:
                cb = self.graph.callbacks[instance[0]]
                if instance in excluded or all(is_multi(d) for d in cb.inputs):
                    continue
                if self._flat_inputs(cb, instance[1]) <= outputs:
                    excluded.add(instance)
                    outputs.update(k for o in cb.outputs for k in self._keys(o, instance[1]))
                    grew = True
        return excluded
