"""Pattern-matching ids compared as patterns: what the static graph and the planner ask of a dict id with
wildcards (the concrete-id matching itself is `dependencies.id_matches`)."""

from __future__ import annotations

from typing import Any

from propwire.api.dependencies import DashDependency, id_matches, same_value, wildcard_of


def patterns_may_meet(a: Any, b: Any) -> bool:
    """Whether some concrete id could fit both ids (for the static graph)."""
    if not isinstance(a, dict) or not isinstance(b, dict):
        if isinstance(a, dict):
            a, b = b, a
        return id_matches(b, a) if isinstance(b, dict) else a == b
    if set(a) != set(b):
        return False
    return all(wildcard_of(a[k]) or wildcard_of(b[k]) or same_value(a[k], b[k]) for k in a)


def pattern_id(dep: DashDependency) -> dict:
    """A pattern dependency's dict id, for code that checked `dep.has_wildcard()` (a string is a bug there)."""
    if isinstance(dep.component_id, dict):
        return dep.component_id
    raise TypeError(f"{dep!r} has a string id, not a pattern")
