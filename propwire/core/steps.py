"""The engine's small shared types: the event a chain starts from, and what names one callback instance."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from propwire.api.dependencies import ALL, ALLSMALLER, Binding, DashDependency, wildcard_of
from propwire.core.read_set import ReadSet

Instance = tuple[int, Binding]


@dataclass
class Event:
    """One user action as the browser reports it (see docs/protocol.md)."""

    changed: dict[str, Any] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    present: dict[str, list[str]] = field(default_factory=dict)
    pending: set[str] = field(default_factory=set)
    run: list[tuple[int, list[str]]] = field(default_factory=list)
    ran: list[int] = field(default_factory=list)  # clientside callbacks the browser ran for this event
    cancel: list[str] = field(default_factory=list)  # background jobs to stop first (a cancel Input, a rerun)
    reads: ReadSet | None = None  # what the event may describe, when the server has checked it already
    # Props that follow another when a callback writes it, on this page: {"kg.value": ["kg.drag_value"]}
    follows: dict[str, list[str]] = field(default_factory=dict)


def is_multi(dep: DashDependency) -> bool:
    return isinstance(dep.component_id, dict) and any(
        wildcard_of(v) in (ALL, ALLSMALLER) for v in dep.component_id.values())
