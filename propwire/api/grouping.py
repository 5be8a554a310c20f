"""Flexible callback signatures: dependencies given as nested dicts, lists and tuples."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

# A grouping is a leaf, or a dict / list / tuple of groupings.
Grouping = Any


def flatten(grouping: Grouping, is_leaf: Callable[[Any], bool]) -> list[Any]:
    """The leaves of a grouping, depth first, in order."""
    if isinstance(grouping, dict):
        return [leaf for value in grouping.values() for leaf in flatten(value, is_leaf)]
    if isinstance(grouping, (list, tuple)) and not is_leaf(grouping):
        return [leaf for value in grouping for leaf in flatten(value, is_leaf)]
    return [grouping]


def index_shape(grouping: Grouping, is_leaf: Callable[[Any], bool], start: int = 0) -> tuple[Any, int]:
    """The grouping with each leaf replaced by its position in `flatten`, and the next position."""
    if isinstance(grouping, dict):
        shape = {}
        for key, value in grouping.items():
            shape[key], start = index_shape(value, is_leaf, start)
        return shape, start
    if isinstance(grouping, (list, tuple)) and not is_leaf(grouping):
        items = []
        for value in grouping:
            item, start = index_shape(value, is_leaf, start)
            items.append(item)
        return type(grouping)(items), start
    return start, start + 1


def fill(shape: Any, leaves: list[Any]) -> Any:
    """The shape with each position replaced by its leaf: the inverse of index_shape."""
    if isinstance(shape, dict):
        return {key: fill(value, leaves) for key, value in shape.items()}
    if isinstance(shape, (list, tuple)):
        return type(shape)(fill(value, leaves) for value in shape)
    return leaves[shape]


def match(shape: Any, value: Any, where: str) -> list[Any]:
    """The leaves of a returned value laid out like `shape`; raises naming the first mismatch."""
    if isinstance(shape, dict):
        if not isinstance(value, dict) or set(value) != set(shape):
            got = sorted(value) if isinstance(value, dict) else type(value).__name__
            raise ValueError(f"{where}: expected a dict with keys {sorted(shape)}, got {got}")
        return [leaf for key in shape for leaf in match(shape[key], value[key], f"{where}[{key!r}]")]
    if isinstance(shape, (list, tuple)):
        if not isinstance(value, (list, tuple)) or len(value) != len(shape):
            got = f"{len(value)} values" if isinstance(value, (list, tuple)) else type(value).__name__
            raise ValueError(f"{where}: expected a list or tuple of {len(shape)} values, got {got}")
        return [leaf for s, v in zip(shape, value) for leaf in match(s, v, f"{where}[{len(shape)}]")]
    return [value]
