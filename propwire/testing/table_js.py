"""JavaScript's value rules where DataTable's sorting and filtering lean on them, for the headless client.

DataTable compares cells with JS operators (`<`, `===`, `+value`, `toString()`); a Python mirror of its
native sort and filter must give the same order and the same rows, so these follow the ECMAScript rules for the
JSON values a table holds (numbers, strings, booleans, null; a missing cell is `undefined`).
"""

from __future__ import annotations

import math
import re
from typing import Any

MISSING = object()  # a cell the row does not have: JS `undefined`

_DECIMAL = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_RADIX = re.compile(r"0([xXoObB])([0-9a-fA-F]+)")
_RADIXES = {"x": 16, "o": 8, "b": 2}


def to_number(value: Any) -> float:
    """JS `+value` (ToNumber); NaN where JS gives NaN."""
    if value is None:
        return 0.0
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return 0.0
        if _DECIMAL.fullmatch(text):
            return float(text)
        radix = _RADIX.fullmatch(text)
        if radix:
            try:
                return float(int(radix.group(2), _RADIXES[radix.group(1).lower()]))
            except ValueError:
                return math.nan
        if text in ("Infinity", "+Infinity", "-Infinity"):
            return -math.inf if text[0] == "-" else math.inf
    return math.nan


def is_numeric(value: Any) -> bool:
    """fast-isnumeric, which DataTable uses: a finite number, or a non-blank string that reads as one."""
    if isinstance(value, str):
        if not value.strip():
            return False
    elif isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return math.isfinite(to_number(value))


def json_number(number: float) -> int | float:
    """A JS number as JSON carries it to Python: integral ones become ints."""
    if number.is_integer() and abs(number) < 2**53:
        return int(number)
    return number


def to_string(value: Any) -> str:
    """JS `String(value)` for the JSON values a cell holds."""
    if value is None:
        return "null"
    if value is MISSING:
        return "undefined"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _number_text(float(value))
    if isinstance(value, list):
        return ",".join("" if v is None else to_string(v) for v in value)
    if isinstance(value, dict):
        return "[object Object]"
    return str(value)


def _number_text(number: float) -> str:
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number.is_integer() and abs(number) < 1e21:
        return str(int(number))
    return repr(number)


def less(a: Any, b: Any) -> bool:
    """JS `a < b`: strings compare as strings, anything else as numbers (NaN compares false)."""
    if isinstance(a, str) and isinstance(b, str):
        return a < b
    x, y = _num(a), _num(b)
    return not (math.isnan(x) or math.isnan(y)) and x < y


def less_equal(a: Any, b: Any) -> bool:
    """JS `a <= b`."""
    if isinstance(a, str) and isinstance(b, str):
        return a <= b
    x, y = _num(a), _num(b)
    return not (math.isnan(x) or math.isnan(y)) and x <= y


def _num(value: Any) -> float:
    if value is MISSING or isinstance(value, (list, dict)):
        return math.nan if not isinstance(value, list) else to_number(to_string(value))
    return to_number(value)


def strict_equal(a: Any, b: Any) -> bool:
    """JS `a === b` for JSON values (objects are never equal: they are distinct in the browser)."""
    if a is MISSING or b is MISSING:
        return a is b
    if isinstance(a, (list, dict)) or isinstance(b, (list, dict)):
        return False
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return type(a) is type(b) and a == b
