"""Dependency values from the view: which concrete props a dependency names in one instance, whether they are
there, and a call's ctx and arguments in the callback's own signature (docs/semantics.md S7).

The resolver only reads the layout view; the planner asks it what is present, the chain asks it for a call's
arguments. Example::

    resolver = Resolver(view)
    resolver.keys(Input({"type": "item", "index": ALL}, "value"), ())  # ['{"index":0,"type":"item"}.value', ...]
"""

from __future__ import annotations

from typing import Any

from propwire.api.callbacks import CallbackSpec
from propwire.api.context import CallInfo, RequestInfo, Resolved
from propwire.api.dependencies import Binding, DashDependency, Output, binding_of, bound_id, id_string, parse_id
from propwire.api.grouping import fill
from propwire.core.component_json import mark
from propwire.core.graph import has_match_output
from propwire.core.layout import LayoutView
from propwire.core.steps import Instance, is_multi


class Resolver:
    """Reads one chain's layout view for its planner and its calls."""

    def __init__(self, view: LayoutView):
        self.view = view
        self.request = RequestInfo()  # what ctx.cookies / headers / path read; the web layer sets it

    def keys(self, dep: DashDependency, binding: Binding) -> list[str]:
        """The concrete prop keys a dependency names in this instance (present ones, for patterns)."""
        if not dep.has_wildcard():
            return [dep.key]
        return [f"{i}.{dep.component_property}" for i in self.view.matching(dep.component_id, binding)]

    def resolve(self, dep: DashDependency, binding: Binding, with_values: bool = True) -> Resolved:
        if not dep.has_wildcard():
            return Resolved(dep, [dep.key], [self.view.values.get(dep.key)] if with_values else [], False)
        keys = self.keys(dep, binding)
        values = [self.view.get(k) for k in keys] if with_values else []
        return Resolved(dep, keys, values, is_multi(dep))

    def in_layout(self, dep: DashDependency, binding: Binding) -> bool:
        """A dependency counts as present if its component is; an ALL one always does (it may be empty)."""
        if not dep.has_wildcard():
            return dep.id_str in self.view.present
        if is_multi(dep):
            return True
        keys = self.keys(dep, binding)
        return bool(keys) and self.view.has(keys[0].rpartition(".")[0])

    def outputs_found(self, cb: CallbackSpec, binding: Binding) -> bool:
        """Whether any Output names a component in the view: an ALL one over no items names none."""
        return any(self.keys(o, binding) if o.has_wildcard() else self.view.has(o.id_str) for o in cb.outputs)

    def instances_present(self, cb: CallbackSpec) -> list[Binding]:
        """The instances of a callback whose outputs are in the view: one per MATCH value."""
        if not cb.outputs:  # it acts through set_props: its instances are those of its MATCH Inputs, if any
            return self._input_instances(cb)
        if not has_match_output(cb):  # one instance, if any Output finds a component (Dash's pruneCallbacks)
            return [()] if self.outputs_found(cb, ()) else []
        found: dict[Binding, None] = {}
        for out in cb.outputs:
            if out.has_wildcard():
                for id_str in self.view.matching(out.component_id):
                    found[binding_of(out.component_id, parse_id(id_str))] = None
        return list(found)

    def _input_instances(self, cb: CallbackSpec) -> list[Binding]:
        found: dict[Binding, None] = {}
        for dep in cb.inputs:
            if dep.has_wildcard() and not is_multi(dep):
                for id_str in self.view.matching(dep.component_id):
                    found[binding_of(dep.component_id, parse_id(id_str))] = None
        return list(found) or [()]

    def flat_inputs(self, cb: CallbackSpec, binding: Binding) -> set[str]:
        """The Input keys of an instance that are in the view (Dash's flattened Inputs)."""
        return {k for d in cb.inputs for k in self.keys(d, binding) if self.view.has(k.rpartition(".")[0])}

    def output_keys(self, cb: CallbackSpec, binding: Binding) -> set[str]:
        return {k for o in cb.outputs for k in self.keys(o, binding)}

    def running_keys(self, out: Output, binding: Binding) -> list[str]:
        """A running= Output's keys in an instance: named by the binding (its component need not be in the event),
        else the components present that fit it."""
        if not out.has_wildcard():
            return [out.key]
        concrete = bound_id(out.component_id, binding)
        if concrete is not None:
            return [f"{id_string(concrete)}.{out.component_property}"]
        return self.keys(out, binding)

    def prepare(self, cb: CallbackSpec, instance: Instance, triggers: list[str]) -> tuple[CallInfo, list, dict]:
        """The call's ctx and its arguments, in the callback's own signature."""
        binding = instance[1]
        info = CallInfo(
            triggered=[(k, self.view.get(k)) for k in triggers],
            inputs=[self.resolve(d, binding) for d in cb.inputs],
            states=[self.resolve(d, binding) for d in cb.states],
            outputs=[self.resolve(d, binding, with_values=False) for d in cb.outputs],
            output_shape=cb.output_shape, args_shape=cb.args_shape, request=self.request,
        )
        # Component JSON in node props reaches the callback as ComponentDicts: returned, they stay components.
        values = [_marked(r) for r in (*info.inputs, *info.states)]
        if cb.flat_args:
            return info, values, {}
        grouped = fill(cb.args_shape, values)
        if cb.keyword:
            return info, [], grouped
        return info, (list(grouped) if isinstance(grouped, (list, tuple)) else [grouped]), {}


def _marked(r: Resolved) -> Any:
    """The argument for `r`, its component JSON marked; ctx (inputs, states, *_list) sees the same values."""
    prop = r.dep.component_property
    r.values = [mark(prop, v) for v in r.values]
    return r.value
