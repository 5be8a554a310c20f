"""An event's read set: the prop keys and ids it may describe (pattern ones admit every concrete key they fit)."""

from __future__ import annotations

from collections.abc import Iterable

from propwire.api.dependencies import ALL, concrete_id, id_matches, parse_id, split_key, wildcard_of

__all__ = ["ReadSet", "loose"]


class ReadSet:
    """The prop keys and ids an event may describe; pattern ones admit every concrete key or id they fit."""

    def __init__(self, values: Iterable[str], ids: Iterable[str]):
        self.values = frozenset(values)
        self.ids = frozenset(ids)
        self._key_patterns: dict[str, list[dict]] = {}  # by prop, every wildcard loosened to ALL
        for key in self.values:
            id_str, prop = split_key(key)
            if _is_pattern(id_str):
                self._key_patterns.setdefault(prop, []).append(loose(parse_id(id_str)))
        self._id_patterns = [loose(parse_id(i)) for i in self.ids if _is_pattern(i)]

    def admits_value(self, key: str) -> bool:
        if key in self.values:
            return True
        id_str, prop = split_key(key)
        return _fits(id_str, self._key_patterns.get(prop, ()))

    def admits_id(self, id_str: str) -> bool:
        return id_str in self.ids or _fits(id_str, self._id_patterns)


def _is_pattern(id_str: str) -> bool:
    return id_str.startswith("{") and "[" in id_str


def loose(pattern: dict) -> dict:
    """A pattern whose every wildcard matches anything (MATCH bindings are the engine's business)."""
    return {k: (ALL if wildcard_of(v) else v) for k, v in pattern.items()}


def _fits(id_str: str, patterns: Iterable[dict]) -> bool:
    if not patterns or not id_str.startswith("{"):
        return False
    try:
        concrete = concrete_id(id_str)
    except ValueError:  # not JSON, or not an id: a hostile or broken key
        return False
    return isinstance(concrete, dict) and any(id_matches(p, concrete) for p in patterns)
