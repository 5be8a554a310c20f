"""The arguments of `@callback(...)`: which are Outputs, Inputs and States, and how they are grouped.

Every form Dash 4.4.1 accepts is read the way Dash reads it, so a ported app's functions get the same
arguments: dependencies given one by one or in lists (flattened one level), dict and nested groupings
given positionally or as `output=` / `inputs=` / `state=`, Inputs and States in any order within the
arguments, `prevent_initial_call` as the last positional argument, and no Output or no Input at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from propwire.api.dependencies import DashDependency, Input, Output, State
from propwire.api.exceptions import CallbackError, IncorrectTypeException
from propwire.api.grouping import fill, flatten, index_shape


def _is_dep(value: Any) -> bool:
    return isinstance(value, DashDependency)


@dataclass
class Signature:
    """What the arguments of one `@callback(...)` declare."""

    outputs: list[Output]
    inputs: list[Input]
    states: list[State]
    output_shape: Any  # an int for one ungrouped Output, else a list or dict of output positions
    args_shape: Any  # the function's arguments: leaves index Inputs then States (Dash's order of values)
    prevent_initial_call: Any


def parse(given: tuple, kwargs: dict[str, Any]) -> Signature:
    """Outputs, Inputs, States and their groupings from a callback's arguments; CallbackError if they do not fit."""
    args = list(given)
    prevent = kwargs.get("prevent_initial_call")
    if prevent is None and args and isinstance(args[-1], bool):  # Dash reads a trailing bool as this flag
        prevent = args.pop()
    flat: list[Any] = []
    for arg in args:
        flat += list(arg) if isinstance(arg, (list, tuple)) else [arg]
    out_grouping = _outputs(flat, args, kwargs)
    arg_grouping = _inputs_and_states(flat, kwargs)
    if flat:
        _leftover(flat[0], out_grouping, arg_grouping)
    outputs = flatten(out_grouping, _is_dep)
    deps = flatten(arg_grouping, _is_dep)
    inputs = [d for d in deps if isinstance(d, Input)]
    states = [d for d in deps if isinstance(d, State)]
    counts = {Input: 0, State: len(inputs)}
    order = []
    for dep in deps:  # an Input's value comes from the Inputs, a State's from after them
        order.append(counts[type(dep)])
        counts[type(dep)] += 1
    positions, _ = index_shape(arg_grouping, _is_dep)
    output_shape, _ = index_shape(out_grouping, _is_dep)
    return Signature(outputs, inputs, states, output_shape, fill(positions, order), prevent)


def _only(grouping: Any, *kinds: type) -> bool:
    leaves = flatten(grouping, _is_dep)
    return all(isinstance(leaf, kinds) for leaf in leaves)


def _outputs(flat: list[Any], args: list[Any], kwargs: dict[str, Any]) -> Any:
    if "output" in kwargs:
        grouping = kwargs["output"]
        if not _only(grouping, Output):
            raise IncorrectTypeException(f"'output=' takes Output objects, got {grouping!r}")
        return list(grouping) if isinstance(grouping, (list, tuple)) else grouping
    found = []
    while flat and _only(flat[0], Output) and not _empty(flat[0]):
        found.append(flat.pop(0))
    if len(found) == 1 and not isinstance(args[0], (list, tuple)):
        return found[0]  # one Output (or one dict of them) not in a list: the function returns it bare
    return found


def _empty(grouping: Any) -> bool:
    return not flatten(grouping, _is_dep)


def _inputs_and_states(flat: list[Any], kwargs: dict[str, Any]) -> Any:
    if "inputs" not in kwargs:
        if "state" in kwargs:
            raise CallbackError("state= needs inputs= beside it (or give Inputs and States positionally)")
        found = []
        while flat and _only(flat[0], Input, State) and not _empty(flat[0]):
            found.append(flat.pop(0))
        return found[0] if len(found) == 1 else found
    inputs, state = kwargs["inputs"], kwargs.get("state")
    inputs = [inputs] if _is_dep(inputs) else inputs
    state = [state] if _is_dep(state) else state
    for name, grouping, kind in (("inputs", inputs, Input), ("state", state or [], State)):
        if not _only(grouping, kind):
            raise IncorrectTypeException(f"'{name}=' takes {kind.__name__} objects, got {grouping!r}")
    if isinstance(inputs, dict):
        if state and not isinstance(state, dict):
            raise CallbackError("inputs= is a dict, so state= must be a dict too")
        return {**(state or {}), **inputs}
    if isinstance(inputs, (list, tuple)):
        if state and not isinstance(state, (list, tuple)):
            raise CallbackError("inputs= is a list, so state= must be a list too")
        return [*inputs, *(state or [])]
    raise IncorrectTypeException(f"inputs= takes a dict, list or tuple, got {type(inputs).__name__}")


def _leftover(item: Any, outputs: Any, args: Any) -> None:
    """The first argument that is none of the accepted forms, named as Dash names it."""
    leaves = flatten(item, _is_dep) if isinstance(item, (dict, list, tuple)) else [item]
    if not all(_is_dep(leaf) for leaf in leaves) or not leaves:
        raise IncorrectTypeException(f"a callback takes Output, Input and State objects (optionally in lists, tuples "
                                     f"or dicts), then optionally prevent_initial_call; got {item!r}")
    before = flatten([outputs, args], _is_dep)
    after = f" after {before[-1]!r}" if before else ""
    raise IncorrectTypeException(f"{item!r} comes{after}: list all Outputs first, then the Inputs and States")
