"""A result's Patch applied as the renderer applies it (renderer/src/patch.ts).

Through propwire.api.patch.apply_patch, one operation at a time, except `remove`: the renderer leaves a list that
does not hold the item as it is (Python's list.remove would raise) and compares items as JSON values (True is
not 1), so `remove` is turned into the `delete` of the first equal item, or into nothing. A `delete` of a key
the dict does not hold is nothing too (Python's `del` would raise; the renderer and Dash 4.4.1 leave the dict).
"""

from __future__ import annotations

from typing import Any

from propwire.api.patch import apply_patch
from propwire.api.typed_arrays import is_typed_array_spec, spec_values


def apply_ops(value: Any, ops: list) -> Any:
    """`value` with `ops` applied in order; raises ValueError (or the like) for an operation that cannot apply."""
    for op in ops:
        if not isinstance(op, list) or len(op) != 3 or not isinstance(op[1], list):
            raise ValueError(f"malformed Patch operation {op!r}")
        if value is None and op[1]:
            value = {}  # a path into an unset prop starts from {}, as in the renderer
        if op[0] == "remove":
            op = _remove_as(value, op[1], op[2])
            if op is None:
                continue
        elif op[0] == "delete" and op[1] and _missing_key(value, op[1]):
            continue  # as the renderer (and Dash's dissocPath): deleting a key a dict does not hold is nothing
        value = apply_patch(value, [op])
    return value


def _remove_as(value: Any, path: list, item: Any) -> list | None:
    """What a `remove` amounts to: None when the list does not hold the item (nothing to do)."""
    target = value
    for key in path:
        if target is None or isinstance(target, dict):  # missing dict keys on the way start as {}
            target = None if target is None else target.get(key)
        elif isinstance(target, list) and isinstance(key, int) and -len(target) <= key < len(target):
            target = target[key]
        else:
            return ["remove", path, item]  # not a way to a list: let apply_patch say what is wrong
    if target is None:
        return ["assign", path, []]  # a missing list is taken as empty, and stays so
    if is_typed_array_spec(target):  # its values are the list; apply_patch keeps the spec a spec
        return ["remove", path, item] if any(json_equal(held, item) for held in spec_values(target)) else None
    if not isinstance(target, list):
        raise ValueError(f"Patch 'remove' needs a list, not {target!r}")
    for i, held in enumerate(target):
        if json_equal(held, item):
            return ["delete", [*path, i], None]
    return None


def _missing_key(value: Any, path: list) -> bool:
    """Whether `path` ends in a key its dict does not hold (the way there is left to apply_patch to judge)."""
    target = value
    for key in path[:-1]:
        if isinstance(target, dict) and key in target:
            target = target[key]
        elif isinstance(target, list) and isinstance(key, int) and -len(target) <= key < len(target):
            target = target[key]
        else:
            return False
    return isinstance(target, dict) and path[-1] not in target


def json_equal(a: Any, b: Any) -> bool:
    """Equal as JSON values, as the renderer's deepEqual: True is not 1, dict key order does not matter."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(v, b[k]) for k, v in a.items())
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, (dict, list)) or isinstance(b, (dict, list)):
        return False
    return bool(a == b)
