"""Equality of JSON values as the page judges it (ramda's `equals` in Dash's setProps, the renderer's sameJson)."""

from __future__ import annotations

from typing import Any


def same_json(a: Any, b: Any) -> bool:
    """Deep equality of JSON values: key order aside, true is not 1, None is only None (not a missing value).

    >>> same_json([1, {"a": True}], [1.0, {"a": True}]), same_json(True, 1), same_json(None, 0)
    (True, False, False)
    """
    if a is None or b is None:
        return a is b
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_json(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(map(same_json, a, b))
    if isinstance(a, (dict, list, tuple)) or isinstance(b, (dict, list, tuple)):
        return False
    return bool(a == b)
