"""Start-up validation of the whole app: callbacks against their functions, against each other and the layout.

`validate` runs when the engine is first built (before the first request is served). Faults no valid app
has (duplicate outputs, cycles through several callbacks, parameters that do not fit, unknown props,
duplicate ids, pattern misuse) raise one ValidationError listing every one, each naming the callback's
function and file:line. Ids absent from the initial layout are not faults: a callback may insert the
component later, and Dash serves such an app. They are returned as warnings instead (app.py logs them
and debug pages show them). Each rule below is a function returning a list of messages.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Iterator
from typing import Any

from propwire.api.callbacks import CallbackSpec
from propwire.api.dependencies import (
    ALL,
    DashDependency,
    id_matches,
    id_string,
    wildcard_of,
)
from propwire.api.exceptions import ValidationError
from propwire.api.patterns import pattern_id, patterns_may_meet
from propwire.api.suggest import closest, did_you_mean
from propwire.components.base import Component
from propwire.components.foreign import Foreign, adopt
from propwire.components.library_persistence import suggested
from propwire.components.persistence import Persistent, persisting
from propwire.core.graph import Graph


def validate(graph: Graph, layout: Any, validation_layout: Any = None, suppress_missing: bool = False) -> list[str]:
    """Raise ValidationError listing every fault of the app; return the warnings of a valid one."""
    callbacks = graph.callbacks
    in_layout = components(layout)
    known = _by_id(in_layout + components(validation_layout))
    problems = [
        *graph.problems,  # duplicate outputs and cycles through several callbacks (see Graph._problems)
        *duplicate_outputs_within(callbacks),
        *overlapping_pattern_outputs(callbacks),
        *duplicate_ids(in_layout),
        *never_called(callbacks, graph.prevent_default),
        *undeclared_props(callbacks, known),
        *signature_mismatches(callbacks),
    ]
    if problems:
        raise ValidationError(problems)
    graph.layout_types = {i: type(comp) for i, comp in known.items()}  # debug mode checks set_props' props
    missing = [] if suppress_missing else missing_ids(callbacks, known) + near_patterns(callbacks, known)
    return missing + unkept_persistence(in_layout)


def unkept_persistence(found: list[Component]) -> list[str]:
    """A library component with `persistence` on, no `persisted_props`, and a default `persisted_props` propwire
    cannot read from its Python class (docs/libraries.md, Persistence): it keeps nothing, so say so and say what
    to pass rather than ignore it silently. An explicit `persisted_props` is kept and silences it."""
    return [f"{comp._name()}{comp._where()}: persistence={comp._values['persistence']!r} keeps nothing on propwire: "
            f"its library declares no default persisted_props propwire can read; pass persisted_props={_hint(comp)} "
            "with the props to keep (docs/libraries.md, Persistence)"
            for comp in found if isinstance(comp, Foreign) and isinstance(comp, Persistent) and not comp._persisted
            and comp._values.get("persisted_props") is None and persisting(comp._values.get("persistence"))]


def _hint(comp: Component) -> str:
    names = suggested(getattr(comp, "_library_class", object))
    return repr(list(names)) if names else "[...]"


# -- the layout -------------------------------------------------------------------------------


def components(layout: Any) -> list[Component]:
    """Every component of a layout (a component, a list of them, or a function returning one)."""
    if callable(layout) and not isinstance(layout, Component):
        layout = layout()
    layout = adopt(layout)  # a component library's objects (from a layout function, a validation_layout)
    roots = layout if isinstance(layout, (list, tuple)) else [layout]
    found: list[Component] = []
    for root in roots:
        if isinstance(root, Component):
            found += [root, *root._traverse()]
    return found


def _by_id(found: Iterable[Component]) -> dict[str, Component]:
    """Component by id string; the first one wins (the layout before the validation layout)."""
    by_id: dict[str, Component] = {}
    for comp in found:
        if comp.id is not None:
            by_id.setdefault(id_string(comp.id), comp)
    return by_id


def _deps(cb: CallbackSpec) -> Iterator[DashDependency]:
    """Every prop a callback names: outputs, inputs, states and the outputs of running=."""
    yield from (*cb.outputs, *cb.inputs, *cb.states)
    yield from (out for out, _, _ in cb.running)


def _fits(pattern: dict, comp_id: Any) -> bool:
    """Whether a component id could be one a pattern-matching id names (any wildcard taken as ALL)."""
    return id_matches({k: ALL if wildcard_of(v) else v for k, v in pattern.items()}, comp_id)


# -- the rules --------------------------------------------------------------------------------


def duplicate_ids(found: list[Component]) -> list[str]:
    """Two components of the layout with the same id."""
    first: dict[str, Component] = {}
    problems = []
    for comp in found:
        if comp.id is None:
            continue
        key = id_string(comp.id)
        if key in first:
            problems.append(f"duplicate component id {key!r} in the layout, on {first[key]._name()} "
                            f"and on {comp._name()}; ids must be unique")
        else:
            first[key] = comp
    return problems


def missing_ids(callbacks: list[CallbackSpec], known: dict[str, Component]) -> list[str]:
    """Ids a callback names that neither the layout nor app.validation_layout holds (pattern ids, deps with
    allow_optional=True and callbacks with optional=True exempt, as in Dash): warnings, not faults."""
    warnings = []
    for cb in callbacks:
        if cb.optional:
            continue
        for dep in dict.fromkeys(_deps(cb)):
            if dep.has_wildcard() or dep.id_str in known or getattr(dep, "allow_optional", False):
                continue
            # A typo (`cityname` for `city-name`) is the usual cause: name the layout's closest id first.
            near = closest(dep.id_str, known)
            hint = f" (did you mean {near!r}?)" if near is not None else ""
            warnings.append(
                f"{cb.describe()}: {dep!r} names id {dep.id_str!r}, which is not in the initial layout{hint}; "
                f"the callback waits until a component with that id appears (declare it in app.validation_layout, or "
                f"set Dash(suppress_callback_exceptions=True), to silence this)")
    return warnings


def near_patterns(callbacks: list[CallbackSpec], known: dict[str, Component]) -> list[str]:
    """Pattern ids that fit no dict id of the initial layout (or app.validation_layout) but nearly fit one: a key
    or a constant value one typo away (`{"type": "filtr", "index": ALL}` beside `{"type": "filter", ...}`).
    Warnings only: Dash serves a pattern that matches nothing (its components may come later), and so does
    propwire; one with no near dict id is not worth a word."""
    ids: list[Any] = [c.id for c in known.values()]
    dict_ids = [i for i in ids if isinstance(i, dict)]
    warnings = []
    for cb in callbacks:
        if cb.optional:
            continue
        for dep in dict.fromkeys(_deps(cb)):
            if not dep.has_wildcard() or any(_fits(pattern_id(dep), i) for i in dict_ids):
                continue
            hint = _near_dict_id(pattern_id(dep), dict_ids)
            if hint:
                warnings.append(f"{cb.describe()}: {dep!r} matches no component of the initial layout; {hint}? "
                                f"(a pattern's components may come later: declare them in app.validation_layout, or "
                                f"set Dash(suppress_callback_exceptions=True), to silence this)")
    return warnings


def _near_dict_id(pattern: dict, dict_ids: list[dict]) -> str:
    """"did you mean ..." for the pattern's first key or constant value that a layout's dict id has one typo
    away (the others equal), or "" when none is that near."""
    for concrete in dict_ids:
        if len(concrete) != len(pattern):
            continue
        missing = [k for k in pattern if k not in concrete]
        extra = [k for k in concrete if k not in pattern]
        if len(missing) == 1 and len(extra) == 1 and closest(missing[0], extra):
            others = {k: v for k, v in pattern.items() if k != missing[0]}
            if _fits(others, {k: concrete[k] for k in others}):
                return f"did you mean the key {extra[0]!r} for {missing[0]!r} (the layout has {id_string(concrete)})"
    for key, want in pattern.items():
        if wildcard_of(want) is not None or not isinstance(want, str):
            continue
        rest = {k: v for k, v in pattern.items() if k != key}
        values = [i[key] for i in dict_ids if set(i) == set(pattern) and _fits(rest, {k: i[k] for k in rest})]
        near = closest(want, [v for v in values if isinstance(v, str)])
        if near is not None:
            return f"did you mean {key!r}: {near!r}"
    return ""


def never_called(callbacks: list[CallbackSpec], prevent_default: Any) -> list[str]:
    """A callback without Inputs that may not run at load: nothing can ever call it (Dash reports it too)."""
    problems = []
    for cb in callbacks:
        prevent = cb.prevent_initial_call if cb.prevent_initial_call is not None else prevent_default
        if not cb.inputs and prevent is True:  # "initial_duplicate" runs at load, as in Dash
            problems.append(f"{cb.describe()}: it has no Input and prevent_initial_call, so it can never run; "
                            f"add an Input or let it run at load (prevent_initial_call=False)")
    return problems


def undeclared_props(callbacks: list[CallbackSpec], known: dict[str, Component]) -> list[str]:
    """Props a callback names that the component with that id (or a pattern id fits) does not declare."""
    with_dict_ids = [c for c in known.values() if isinstance(c.id, dict)]
    problems = []
    for cb in callbacks:
        for dep in dict.fromkeys(_deps(cb)):
            if dep.has_wildcard():
                targets = [c for c in with_dict_ids if _fits(pattern_id(dep), c.id)]
            else:
                targets = [known[dep.id_str]] if dep.id_str in known else []
            for comp in {type(c): c for c in targets}.values():  # once per component type
                if not comp._allowed(dep.component_property):
                    problems.append(f"{cb.describe()}: {dep!r}: {comp._name()} (id {id_string(comp.id)!r}) "
                                    f"has no prop {dep.component_property!r}{did_you_mean(dep.component_property, comp._props)}")
    return problems


def signature_mismatches(callbacks: list[CallbackSpec]) -> list[str]:
    """Functions whose parameters cannot take the values of their Inputs and States."""
    problems = []
    for cb in callbacks:
        try:
            sig = inspect.signature(cb.func)
        except (TypeError, ValueError):  # builtins and the like: nothing to check
            continue
        shape = cb.args_shape
        count = len(shape) if isinstance(shape, (list, tuple, dict)) else 1
        lead = [None] if cb.background is not None and cb.background.progress else []  # set_progress comes first
        try:
            if cb.keyword:
                sig.bind(*lead, **dict.fromkeys(shape))
            else:
                sig.bind(*lead, *[None] * count)
        except TypeError as exc:
            if cb.keyword:
                given = f"keyword arguments {', '.join(shape)} (the keys of the dict of Inputs and States)"
            else:
                given = f"{count} positional argument{'s' if count != 1 else ''} " \
                        f"({_count(len(cb.inputs), 'Input')}, {_count(len(cb.states), 'State')})"
            problems.append(f"{cb.describe()}: the function's parameters {sig} do not fit the {given}: {exc}")
    return problems


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def duplicate_outputs_within(callbacks: list[CallbackSpec]) -> list[str]:
    """One callback naming the same Output twice."""
    problems = []
    for cb in callbacks:
        keys = [out.key for out in cb.outputs]
        for key in dict.fromkeys(k for k in keys if keys.count(k) > 1):
            problems.append(f"{cb.describe()}: Output '{key}' is listed more than once")
    return problems


def overlapping_pattern_outputs(callbacks: list[CallbackSpec]) -> list[str]:
    """Two callbacks whose Outputs, one of them pattern-matching, may name the same component prop.

    (Outputs with plain ids are compared by Graph; allow_duplicate=True on either one allows it.)
    """
    by_prop: dict[str, list[tuple[CallbackSpec, DashDependency]]] = {}
    for cb in callbacks:
        for out in cb.outputs:
            if not out.allow_duplicate:
                by_prop.setdefault(out.component_property, []).append((cb, out))
    problems = []
    for group in by_prop.values():
        for n, (a, out_a) in enumerate(group):
            if not out_a.has_wildcard():
                continue
            for m, (b, out_b) in enumerate(group):
                if b is a or (out_b.has_wildcard() and m < n):  # each pair of pattern outputs once
                    continue
                if patterns_may_meet(out_a.component_id, out_b.component_id):
                    problems.append(f"{out_a!r} of {a.describe()} and {out_b!r} of {b.describe()} may write the "
                                    f"same component prop; add allow_duplicate=True to one of them, and give that "
                                    f"callback prevent_initial_call=True (or 'initial_duplicate'), as Dash requires")
    return problems

