"""JSON encoding of callback values and layouts, with orjson."""

from __future__ import annotations

import decimal
from typing import Any

import orjson

_OPTIONS = orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS
Fragment = orjson.Fragment


def _default(value: Any) -> Any:
    if hasattr(value, "to_plotly_json"):
        return value.to_plotly_json()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if isinstance(value, decimal.Decimal):
        return float(value)
    if hasattr(value, "tolist"):  # numpy scalars of odd dtypes, pandas objects
        return value.tolist()
    raise TypeError(f"value of type {type(value).__name__} is not JSON serializable")


def dumps(value: Any) -> bytes:
    """Bytes of `value` as JSON; components become {type, namespace, props}."""
    return orjson.dumps(value, default=_default, option=_OPTIONS)


def loads(data: bytes | str) -> Any:
    return orjson.loads(data)


_SAME_IN_JSON = (int, bool, type(None))  # not float: NaN and infinities become null


def to_json_value(value: Any) -> tuple[Any, Any]:
    """The plain-JSON form of a value (what callbacks downstream see) and what a stream line carries for it.

    A string goes into the line as itself (the wire may send a long one raw, see wire.py); anything else as
    its JSON bytes, encoded once here.
    """
    if type(value) is str:
        if not value.isascii():
            value.encode()  # a lone surrogate cannot be sent: fail here, where the output is known
        return value, value
    data = dumps(value)
    if type(value) in _SAME_IN_JSON:
        return value, value
    return orjson.loads(data), Fragment(data)


