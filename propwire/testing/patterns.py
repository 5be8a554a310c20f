"""Pattern-matching ids as the renderer matches them (renderer/src/patterns.ts).

A binding is the MATCH values of the instance a change triggered, e.g. {"index": 3}.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import orjson

from propwire.api.dependencies import MATCH, wildcard_of

Binding = dict[str, Any]


@dataclass(frozen=True)
class Pattern:
    id: dict[str, Any]
    keyset: frozenset[str]
    fixed: tuple[tuple[str, Any], ...]  # keys whose value must be equal
    match: tuple[str, ...]  # keys holding MATCH (a binding may fix them)


@lru_cache(maxsize=10000)  # callers must not change the dict
def parse_dict_id(id_str: str) -> dict[str, Any] | None:
    """The dict a dict id string spells; None for a string id (or an unreadable one)."""
    if not id_str.startswith("{"):
        return None
    try:
        value = orjson.loads(id_str)
    except orjson.JSONDecodeError:
        return None  # a string id that happens to start with "{"
    return value if isinstance(value, dict) else None


@lru_cache(maxsize=10000)
def parse_pattern(id_str: str) -> Pattern | None:
    """The pattern an id string spells, or None when it holds no wildcard."""
    parsed = parse_dict_id(id_str)
    if parsed is None:
        return None
    wild = {k: wildcard_of(v) for k, v in parsed.items()}
    if not any(w is not None for w in wild.values()):
        return None
    fixed = tuple((k, v) for k, v in parsed.items() if wild[k] is None)
    match = tuple(k for k, w in wild.items() if w is MATCH)
    return Pattern(parsed, frozenset(parsed), fixed, match)


def fits(pattern: Pattern, concrete: dict[str, Any], binding: Binding | None = None) -> bool:
    """Whether a concrete dict id fits: same keys, equal fixed values, the binding's values for MATCH keys."""
    if frozenset(concrete) != pattern.keyset:
        return False
    if not all(same_value(concrete[k], want) for k, want in pattern.fixed):
        return False
    return not binding or all(k not in binding or same_value(concrete[k], binding[k]) for k in pattern.match)


def binding_of(pattern: Pattern, concrete: dict[str, Any]) -> Binding | None:
    """The MATCH values a concrete id gives a pattern (None when it has no MATCH)."""
    return {k: concrete[k] for k in pattern.match} if pattern.match else None


def same_value(a: Any, b: Any) -> bool:
    """As JavaScript compares id values: `===` (so True is not 1), objects as their JSON."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (dict, list)) or isinstance(b, (dict, list)):
        return isinstance(a, (dict, list)) and isinstance(b, (dict, list)) and orjson.dumps(a) == orjson.dumps(b)
    return bool(a == b)
