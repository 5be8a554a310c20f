"""Numeric arrays of a plotly figure as plotly's typed-array specs: `{"dtype": "f8", "bdata": base64}`.

Why: 200,000 random float64 values as a JSON number list are ~3.8 MB of text that the server must format and
the browser must parse number by number; as base64 of their little-endian bytes they are 2.1 MB that the
browser turns into a Float64Array in one step. plotly.py 6+ already emits this form for `go.Figure` objects
(`to_plotly_json`) and plotly.js 2.28+ accepts it wherever an array goes; this module gives the same form to
numpy arrays (and pandas Series / Index) sitting in a plain figure *dict*, which Dash would send as lists.

What a callback gets back: the renderer keeps the figure exactly as it received it, so a callback reading
`State("graph", "figure")` (or a chained callback in the same event) sees the spec dicts, never numpy
arrays: this is what Dash 4.4.1 does for figures built with plotly.py 6. `decode_typed_array` (one spec to
a numpy array) and `figure_to_lists` (a whole figure to plain lists) undo it where a callback needs numbers.

Example:
    >>> import numpy as np
    >>> encode_figure({"data": [{"x": np.arange(3, dtype="int64")}]})
    {'data': [{'x': {'dtype': 'i1', 'bdata': 'AAEC'}}]}
"""

from __future__ import annotations

import array
import base64
import math
import numbers
import struct
import sys
from typing import Any

# numpy dtype name -> plotly.js short dtype (the typed arrays plotly.js builds from bdata).
SHORT_TYPES = {
    "int8": "i1", "uint8": "u1", "int16": "i2", "uint16": "u2",
    "int32": "i4", "uint32": "u4", "float32": "f4", "float64": "f8",
}  # fmt: skip
_NUMPY_OF_SHORT = {short: name for name, short in SHORT_TYPES.items()}

# The output props whose numpy arrays the engine sends as specs: a Graph's figure and its partial updates.
# (By name: the engine does not know an output's component type; other components rarely use these names.)
FIGURE_PROPS = frozenset({"figure", "extendData", "prependData"})

# 64-bit integers have no typed array plotly.js reads; like plotly.py, narrow them to the smallest that
# holds every value, and leave them as lists when none does (float64 would round values past 2**53).
_NARROWER = {
    "int64": ("int8", "int16", "int32"),
    "uint64": ("uint8", "uint16", "uint32"),
}


def _numpy() -> Any:
    """numpy if the app already imported it: an app without numpy arrays never pays for importing it."""
    return sys.modules.get("numpy")


def is_typed_array_spec(value: Any) -> bool:
    """Whether `value` is a `{"dtype", "bdata"}` spec as plotly.py and this module emit.

    Example:
        >>> is_typed_array_spec({"dtype": "f8", "bdata": ""})
        True
    """
    return isinstance(value, dict) and isinstance(value.get("bdata"), str) and value.get("dtype") in _NUMPY_OF_SHORT


def _narrowed(np: Any, array: Any) -> Any:
    """`array` in a dtype plotly.js has a typed array for, or None when it has none."""
    name = array.dtype.name
    if name in SHORT_TYPES:
        return array
    for candidate in _NARROWER.get(name, ()):
        info = np.iinfo(candidate)
        if array.min() >= info.min and array.max() <= info.max:
            return array.astype(candidate)
    return None


def encode_array(array: Any) -> Any:
    """A numeric numpy array as a typed-array spec; anything else (strings, dates, bools, empty) as a list.

    Bytes are little-endian whatever the machine, C order; a 2-D (or higher) array carries plotly's
    `shape` string ("rows, cols"). Booleans stay a list: plotly.js would see 0/1 numbers, not booleans.

    Example:
        >>> import numpy as np
        >>> encode_array(np.zeros((2, 2), dtype="float32"))["shape"]
        '2, 2'
    """
    np = _numpy()
    if np is None or not isinstance(array, np.ndarray):
        array = getattr(array, "to_numpy", lambda: array)()
        np = _numpy()
        if np is None or not isinstance(array, np.ndarray):
            return array
    if array.size == 0:
        return array.tolist()
    if array.dtype.kind == "M":  # dates travel as ISO strings, as plotly.py sends them
        return np.datetime_as_string(array).tolist()
    narrowed = _narrowed(np, array) if array.dtype.kind in "iuf" else None
    if narrowed is None:
        return array.tolist()
    little = np.ascontiguousarray(narrowed, dtype=narrowed.dtype.newbyteorder("<"))
    spec: dict[str, Any] = {
        "dtype": SHORT_TYPES[narrowed.dtype.name],
        "bdata": base64.b64encode(little.tobytes()).decode("ascii"),
    }
    if little.ndim > 1:
        spec["shape"] = ", ".join(str(n) for n in little.shape)
    return spec


def _is_array_like(value: Any) -> bool:
    np = _numpy()
    if np is not None and isinstance(value, np.ndarray):
        return True
    # pandas Series / Index without importing pandas: they are the objects with to_numpy and a dtype.
    return hasattr(value, "to_numpy") and hasattr(value, "dtype") and not isinstance(value, type)


def _encode_value(value: Any) -> Any:
    if _is_array_like(value):
        return encode_array(value)
    if isinstance(value, dict):
        return {key: _encode_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)) and value and _holds_containers(value):
        return [_encode_value(item) for item in value]
    return value


def _holds_containers(items: list[Any] | tuple[Any, ...]) -> bool:
    """Whether a list can hold arrays or dicts worth visiting: a list of traces does, a list of 200,000
    numbers does not (judged by its first item, so long number lists are not walked)."""
    first = items[0]
    return isinstance(first, (dict, list, tuple)) or _is_array_like(first)


def encode_figure(figure: Any) -> Any:
    """A figure (dict, or anything with `to_plotly_json` such as `go.Figure`) with every numpy array /
    pandas Series in it replaced by its typed-array spec. The figure passed in is not changed.

    Plain lists stay lists: the app chose them, and a callback reading the figure back gets what it sent.

    Example:
        >>> import numpy as np
        >>> encode_figure({"data": [{"y": np.array([0.5])}]})["data"][0]["y"]["dtype"]
        'f8'
    """
    if hasattr(figure, "to_plotly_json"):
        figure = figure.to_plotly_json()  # plotly.py has already encoded its own arrays
    return _encode_value(figure)


def decode_typed_array(spec: dict[str, Any]) -> Any:
    """The numpy array a typed-array spec holds (reshaped when it has a `shape`). Needs numpy.

    Example:
        >>> decode_typed_array({"dtype": "i1", "bdata": "AAEC"}).tolist()
        [0, 1, 2]
    """
    import numpy as np  # only a caller holding specs needs it, and then the app has numpy

    if not is_typed_array_spec(spec):
        raise ValueError(f"not a typed-array spec (a dict with 'dtype' and 'bdata'): {spec!r:.80}")
    dtype = np.dtype(_NUMPY_OF_SHORT[spec["dtype"]]).newbyteorder("<")
    array = np.frombuffer(base64.b64decode(spec["bdata"]), dtype=dtype)
    shape = spec.get("shape")
    if shape:
        dims = [int(part) for part in str(shape).split(",")]
        array = array.reshape(dims)
    return array.astype(array.dtype.newbyteorder("="))


def figure_to_lists(figure: Any) -> Any:
    """`figure` with every typed-array spec turned back into a plain (nested) list, for callbacks that
    index or append to trace arrays as Python lists.

    Example:
        >>> figure_to_lists({"data": [{"x": {"dtype": "i1", "bdata": "AAEC"}}]})
        {'data': [{'x': [0, 1, 2]}]}
    """
    if is_typed_array_spec(figure):
        return decode_typed_array(figure).tolist()
    if isinstance(figure, dict):
        return {key: figure_to_lists(item) for key, item in figure.items()}
    if isinstance(figure, list) and figure and isinstance(figure[0], (dict, list)):
        return [figure_to_lists(item) for item in figure]
    return figure


# The `array` module's item codes for the dtypes: a Patch on a spec (spec_values / spec_of_values) needs no numpy.
_ARRAY_CODES = {"i1": "b", "u1": "B", "i2": "h", "u2": "H", "i4": "i", "u4": "I", "f4": "f", "f8": "d"}
_INT_RANGES = {"i1": (-(2**7), 2**7 - 1), "u1": (0, 2**8 - 1), "i2": (-(2**15), 2**15 - 1), "u2": (0, 2**16 - 1),
               "i4": (-(2**31), 2**31 - 1), "u4": (0, 2**32 - 1)}


def _dims(spec: dict[str, Any]) -> list[int]:
    shape = spec.get("shape")
    if isinstance(shape, (list, tuple)):
        return [int(n) for n in shape]
    return [int(part) for part in str(shape).split(",")] if shape not in (None, "") else []


def spec_values(spec: dict[str, Any]) -> list[Any]:
    """The values of a typed-array spec as a plain (nested, for a 2-D `shape`) list, without numpy.

    Example:
        >>> spec_values({"dtype": "i1", "bdata": "AAEC"})
        [0, 1, 2]
    """
    values = array.array(_ARRAY_CODES[spec["dtype"]])
    values.frombytes(base64.b64decode(spec["bdata"]))
    if sys.byteorder == "big":
        values.byteswap()  # the wire is little-endian
    flat: list[Any] = values.tolist()
    dims = _dims(spec)
    for size in reversed(dims[1:]):  # rows of rows: the last dimension first
        flat = [flat[i : i + size] for i in range(0, len(flat), size)]
    return flat


def _fits(value: Any, dtype: str) -> bool:
    """Whether `value` is a number the dtype holds exactly (the rule renderer/src/typed_arrays.ts follows)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return False
    if dtype == "f8":
        return True
    if dtype == "f4":
        if math.isnan(value) or math.isinf(value):
            return True
        try:
            return struct.unpack("<f", struct.pack("<f", value))[0] == value
        except OverflowError:
            return False
    low, high = _INT_RANGES[dtype]
    number = float(value)
    return math.isfinite(number) and number.is_integer() and low <= number <= high


def spec_of_values(values: list[Any], dtype: str) -> Any:
    """`values` as a 1-D spec of `dtype` when every one fits it exactly, else of f8 when all are numbers, else
    the plain list: what a Patch's list operation on a spec leaves (docs/graph.md, "Patch on a figure").

    Example:
        >>> spec_of_values([0, 1, 2], "i1")
        {'dtype': 'i1', 'bdata': 'AAEC'}
        >>> spec_of_values([0, 1000], "i1")["dtype"], spec_of_values([0, None], "i1")
        ('f8', [0, None])
    """
    if not all(_fits(v, dtype) for v in values):
        if not all(_fits(v, "f8") for v in values):
            return values
        dtype = "f8"
    code = _ARRAY_CODES[dtype]
    packed = array.array(code, [float(v) if code in "fd" else int(v) for v in values])
    if sys.byteorder == "big":
        packed.byteswap()
    return {"dtype": dtype, "bdata": base64.b64encode(packed.tobytes()).decode("ascii")}
