"""`calls()`: the callbacks one action ran, read from the events it sent and the stream lines they got."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

import orjson

from ..dependencies import split_key
from .graph import fits


@dataclass
class CallRecord:
    """One callback the server reported on: its function name, the props that triggered it, and what happened.

    `status` is "ran", "skipped: <reason>" (e.g. "skipped: PreventUpdate"), "error: <message>" or "deferred".
    """

    name: str
    triggered: list[str]
    status: str
    index: int
    event: int = 0  # the event's seq; 0 is the page load
    outputs: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.name} {self.status} ({', '.join(self.triggered) or 'initial call'})"


def _parse(id_str: str) -> Any:
    return orjson.loads(id_str) if id_str.startswith("{") else id_str


def _is_input(spec: Any, key: str) -> bool:
    id_str, prop = split_key(key)
    return any(dep.component_property == prop and (dep.id_str == id_str or (
        dep.has_wildcard() and fits(_parse(dep.id_str), _parse(id_str)))) for dep in spec.inputs)


def records(specs: list[Any], events: Iterable[tuple[int, dict | None, list[dict]]]) -> list[CallRecord]:
    """Call records, in stream order, of events given as (seq, body sent or None, stream lines)."""
    out: list[CallRecord] = []
    for seq, body, lines in events:
        body = body or {}
        written = list(body.get("changed", {}))
        asked = {entry["cb"]: list(entry.get("triggered", [])) for entry in body.get("run", [])}
        for line in lines:
            kind, data = next(iter(line.items()))
            if kind not in ("result", "skip", "error", "deferred"):
                continue
            cb = data["cb"]
            spec = specs[cb]
            triggered = data.get("triggered")
            if triggered is None:  # skip and error lines do not say: what this event wrote that cb reads
                triggered = asked.get(cb) or [k for k in written if _is_input(spec, k)]
            outputs: list[str] = []
            if kind == "result":
                outputs = [*data.get("outputs", {}), *data.get("patches", {})]
                written += outputs
                status = "ran"
            elif kind == "skip":
                status = f"skipped: {data.get('reason', '')}"
            elif kind == "error":
                status = f"error: {data.get('message', '')}"
            else:
                status = "deferred"
            out.append(CallRecord(spec.name, list(triggered), status, cb, seq, outputs))
    return out
