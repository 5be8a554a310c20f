"""`calls()`: the callbacks one action ran, read from the events it sent and the stream lines they got."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson

from propwire.api.dependencies import split_key
from propwire.testing.patterns import fits, parse_dict_id, parse_pattern


@dataclass
class CallRecord:
    """One callback the server reported on: its function name, the props that triggered it, and what happened.

    `status` is `"ran"`, `"skipped: <reason>"` (e.g. "skipped: PreventUpdate"), `"error: <message>"` or
    `"deferred"`: a test asserts which callbacks an action ran, and why one did not.
    """

    name: str
    triggered: list[str]
    status: str
    index: int
    event: int = 0  # the event's seq; 0 is the page load
    outputs: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.name} {self.status} ({', '.join(self.triggered) or 'initial call'})"


def _is_input(spec: Any, key: str) -> bool:
    id_str, prop = split_key(key)
    return any(dep.component_property == prop and (dep.id_str == id_str or _fits(dep.id_str, id_str))
               for dep in spec.inputs)


def _fits(pattern_str: str, id_str: str) -> bool:
    pattern, concrete = parse_pattern(pattern_str), parse_dict_id(id_str)
    return pattern is not None and concrete is not None and fits(pattern, concrete)


def records(specs: list[Any], events: Iterable[tuple[int, dict | None, list[dict]]]) -> list[CallRecord]:
    """Call records, in stream order, of events given as (seq, body sent or None, stream lines)."""
    out: list[CallRecord] = []
    for seq, body, lines in events:
        body = body or {}
        written = list(body.get("changed", {}))
        asked = {entry["cb"]: list(entry.get("triggered", [])) for entry in body.get("run", [])}
        for line in lines:
            if not isinstance(line, dict) or not line:
                continue  # a malformed line (reported by the runtime)
            kind, data = next(iter(line.items()))
            if kind not in ("result", "skip", "error", "deferred") or not isinstance(data, dict) \
                    or not isinstance(data.get("cb"), int) or not 0 <= data["cb"] < len(specs):
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


_CONFIG = re.compile(r'<script id="_pw-config" type="application/json">(.*?)</script>', re.S)
_PUSH = re.compile(r"<script(?: nonce=\"[^\"]*\")?>propwire\.push\((.*?)\)</script>", re.S)


def parse_page(html: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The page config and the pushed stream lines of a propwire page (the page load's records come from them)."""
    found = _CONFIG.search(html)
    if not found:
        raise ValueError(f"not a propwire page (no _pw-config): {html[:200]!r}")
    return orjson.loads(found.group(1)), [orjson.loads(m) for m in _PUSH.findall(html)]
