"""JSON encoding of callback values and layouts, with orjson."""

from __future__ import annotations

import decimal
from typing import Any

import orjson

_OPTIONS = orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS


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


_SAME_IN_JSON = (str, int, bool, type(None))  # not float: NaN and infinities become null


def to_json_value(value: Any) -> tuple[Any, bytes]:
    """The plain-JSON form of a value (what callbacks downstream see) and its bytes."""
    data = dumps(value)
    if type(value) in _SAME_IN_JSON:
        return value, data
    return orjson.loads(data), data


Fragment = orjson.Fragment
