"""The engine's small shared types: events in, stream steps out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from propwire.api.context import CallInfo
from propwire.api.dependencies import ALL, ALLSMALLER, Binding, DashDependency, wildcard_of
from propwire.core.graph import ReadSet

Instance = tuple[int, Binding]


@dataclass
class Event:
    """One user action as the browser reports it (see docs/protocol.md)."""

    changed: dict[str, Any] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    present: dict[str, list[str]] = field(default_factory=dict)
    pending: set[str] = field(default_factory=set)
    run: list[tuple[int, list[str]]] = field(default_factory=list)
    reads: ReadSet | None = None  # what the event may describe, when the server has checked it already


@dataclass
class Step:
    """One line of the stream, with the call it came from (for cookies, headers, timing)."""

    line: dict[str, Any]
    call: CallInfo | None = None


@dataclass
class Batch:
    """Steps ready together: the server writes them in one piece; `last` says no more follow."""

    steps: list[Step]
    last: bool = False


@dataclass
class _Outcome:
    info: CallInfo
    value: Any = None
    error: BaseException | None = None
    seconds: float = 0.0


def is_multi(dep: DashDependency) -> bool:
    return isinstance(dep.component_id, dict) and any(
        wildcard_of(v) in (ALL, ALLSMALLER) for v in dep.component_id.values())

