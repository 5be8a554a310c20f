"""`extendData` / `prependData` of dcc.Graph applied to a figure dict, as plotly.js's extendTraces /
prependTraces apply them to the plot.

Why a pure function: the browser applies these updates inside plotly.js, but the headless client has no
plotly.js, and a callback chained after an extendData tick reads `figure` as State and must see the points
that tick added (in Dash it does, because plotly.js extends the very arrays of the figure prop). Both call
`extend_figure` on the figure they hold.

The value a callback returns for `extendData` is, as in Dash, either the update alone (a dict of
attribute -> one array per trace) or `[update, trace_indices, max_points]`. `max_points` is a number for
every attribute and trace, or a dict of attribute -> one number per trace. Extending keeps the
*last* `max_points` values, prepending the *first*, like plotly.js.

Example:
    >>> fig = {"data": [{"x": [1, 2], "y": [5, 6]}]}
    >>> extend_figure(fig, [{"x": [[3]], "y": [[7]]}, [0], 2])["data"][0]
    {'x': [2, 3], 'y': [6, 7]}
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from propwire.api.typed_arrays import decode_typed_array, encode_array, is_typed_array_spec


class ExtendUpdate(NamedTuple):
    """One extendData / prependData value, taken apart: what to add, to which traces, keeping how many."""

    update: Mapping[str, Sequence[Any]]
    indices: list[int] | None
    max_points: Any


def parse_extend_value(value: Any, prop: str = "extendData") -> ExtendUpdate:
    """The parts of an extendData / prependData value; a ValueError that names `prop` when it has none.

    Example:
        >>> parse_extend_value({"y": [[1]]}).indices is None
        True
    """
    if isinstance(value, Mapping):
        return ExtendUpdate(value, None, None)
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], Mapping) and len(value) <= 3:
        indices = value[1] if len(value) > 1 else None
        indices = [indices] if isinstance(indices, int) and not isinstance(indices, bool) else indices
        if indices is not None and (
            not isinstance(indices, (list, tuple)) or not all(isinstance(i, int) for i in indices)
        ):
            raise ValueError(f"{prop}: trace indices must be a list of integers, got {indices!r:.80}")
        return ExtendUpdate(value[0], None if indices is None else list(indices), value[2] if len(value) > 2 else None)
    raise ValueError(f"{prop}: expected a dict of arrays or [update, trace_indices, max_points], got {value!r:.80}")


def _is_array(value: Any) -> bool:
    return isinstance(value, (list, tuple)) or is_typed_array_spec(value) or hasattr(value, "__array__")


def _checked_indices(update: ExtendUpdate, n_traces: int, prop: str) -> list[int]:
    """Trace indices resolved against the figure (negative ones count from the end, as in plotly.js)."""
    first = next(iter(update.update.values()), None)
    indices = update.indices if update.indices is not None else list(range(len(first) if first is not None else 0))
    for key, arrays in update.update.items():
        if not isinstance(arrays, (list, tuple)) or len(arrays) != len(indices):
            raise ValueError(f"{prop}: '{key}' must hold one array per trace index ({len(indices)})")
        for array in arrays:
            if not _is_array(array):
                raise ValueError(f"{prop}: '{key}' holds {array!r:.40}, not an array")
    resolved = []
    for index in indices:
        at = index + n_traces if index < 0 else index
        if not 0 <= at < n_traces:
            raise ValueError(f"{prop}: trace index {index} is out of range for a figure of {n_traces} traces")
        resolved.append(at)
    return resolved


def _max_for(max_points: Any, key: str, position: int, prop: str) -> int | None:
    """The cap for attribute `key` of the `position`-th updated trace, or None for no cap. As in plotly.js,
    a dict must give every updated attribute one cap per trace, and a cap is floored."""
    if isinstance(max_points, Mapping):
        caps = max_points.get(key)
        if not isinstance(caps, (list, tuple)) or position >= len(caps):
            raise ValueError(f"{prop}: max points given as a dict needs '{key}': one number per trace index")
        max_points = caps[position]
    if isinstance(max_points, bool) or not isinstance(max_points, (int, float)) or max_points != max_points:
        return None
    return None if max_points < 0 else math.floor(max_points)


def _joined(target: Any, insert: Any, prepend: bool, cap: int | None) -> Any:
    """`insert` added to the end (or front) of `target`, cut to `cap` values. A typed-array spec stays one."""
    if is_typed_array_spec(target) or is_typed_array_spec(insert):
        import numpy as np  # specs only arrive where numpy made them, or where a decoder needs it anyway

        def as_array(value: Any) -> Any:
            return decode_typed_array(value) if is_typed_array_spec(value) else np.asarray(value)

        parts = [as_array(insert), as_array(target)] if prepend else [as_array(target), as_array(insert)]
        return encode_array(_window(np.concatenate(parts), prepend, cap))
    return _window(list(insert) + list(target) if prepend else list(target) + list(insert), prepend, cap)


def _window(joined: Any, prepend: bool, cap: int | None) -> Any:
    """The first (prepending) or last (extending) `cap` values of `joined`: plotly.js's maxPoints window."""
    if cap is not None and len(joined) > cap:
        return joined[:cap] if prepend else joined[len(joined) - cap :]
    return joined


def _get_path(trace: Mapping[str, Any], key: str) -> Any:
    value: Any = trace
    for part in key.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def _set_path(trace: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    """A copy of `trace` with the dotted `key` set; only the dicts on the path are copied."""
    head, _, rest = key.partition(".")
    out = dict(trace)
    if rest:
        inner = trace.get(head)
        out[head] = _set_path(dict(inner) if isinstance(inner, Mapping) else {}, rest, value)
    else:
        out[head] = value
    return out


def extend_figure(figure: Mapping[str, Any], value: Any, *, prepend: bool = False, prop: str | None = None) -> dict[str, Any]:
    """`figure` with an extendData (or, with `prepend=True`, prependData) value applied. The figure passed
    in is not changed; traces not named by the update are shared with it.

    Like plotly.js, an attribute missing from a trace (or not an array) is an error, not a new array.

    Example:
        >>> extend_figure({"data": [{"y": [1, 2, 3]}]}, [{"y": [[0]]}, [0], 3], prepend=True)["data"][0]["y"]
        [0, 1, 2]
    """
    prop = prop or ("prependData" if prepend else "extendData")
    update = parse_extend_value(value, prop)
    data = list(figure.get("data") or [])
    indices = _checked_indices(update, len(data), prop)
    for key, arrays in update.update.items():
        for position, (at, insert) in enumerate(zip(indices, arrays)):
            target = _get_path(data[at], key)
            if not _is_array(target):
                raise ValueError(f"{prop}: cannot extend trace {at}'s '{key}': it is missing or not an array")
            cap = _max_for(update.max_points, key, position, prop)
            data[at] = _set_path(dict(data[at]), key, _joined(target, insert, prepend, cap))
    out = dict(figure)
    out["data"] = data
    return out
