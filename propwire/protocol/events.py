"""Parsing and checking event requests: bad input becomes a 4xx, never a callback call."""

from __future__ import annotations

from typing import Any

import orjson

from propwire.api.dependencies import concrete_id, shown, split_key
from propwire.api.exceptions import BadEvent
from propwire.core.engine import Event
from propwire.core.graph import Graph

_FIELDS = {"seq", "changed", "run", "values", "present", "pending", "ran", "cancel", "follows"}
_MAX_CANCEL = 100  # job ids one event may cancel


def _expect(cond: object, message: str) -> None:
    if not cond:
        raise BadEvent(message)


def _str_list(value: Any, where: str) -> list[str]:
    _expect(_is_str_list(value), f"'{where}' must be a list of strings")
    return value


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(type(x) is str for x in value)


def parse_event(body: bytes, graph: Graph) -> tuple[int, Event]:
    """The event in a request body, checked against the app's graph."""
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise BadEvent(f"the event is not valid JSON: {exc}") from None
    _expect(isinstance(data, dict), "the event must be a JSON object")
    if not data.keys() <= _FIELDS:  # messages are formatted only when they are needed: this is the hot path
        raise BadEvent(f"unknown field(s) in the event: {shown(', '.join(sorted(set(data) - _FIELDS)))}")
    seq = data.get("seq", 0)
    _expect(isinstance(seq, int) and not isinstance(seq, bool), "'seq' must be an integer")
    changed = data.get("changed", {})
    values = data.get("values", {})
    present = data.get("present", {})
    _expect(isinstance(changed, dict), "'changed' must be an object of prop keys to values")
    _expect(isinstance(values, dict), "'values' must be an object of prop keys to values")
    _expect(isinstance(present, dict), "'present' must be an object of component ids to ancestry lists")
    for id_str, anc in present.items():
        if not _is_str_list(anc):
            raise BadEvent(f"'present[{shown(id_str)}]' must be a list of strings")
    pending = set(_str_list(data.get("pending", []), "pending"))
    starts: list[int] = []
    for key in changed:
        triggered = graph.triggered_by(key)
        if not triggered:
            raise BadEvent(f"changed prop {shown(key)} is not an Input of any callback{_why(key)}")
        starts += [i for i, _ in triggered]
    run = _parse_run(data.get("run", []), graph)
    ran = _parse_ran(data.get("ran", []), graph)
    cancel = _parse_cancel(data.get("cancel", []))
    _expect(changed or run or cancel, "the event changes nothing, runs nothing and cancels nothing")
    reads = graph.event_read_set(starts + [i for i, _ in run])
    for key in values:
        if key not in changed and not reads.admits_value(key):
            raise BadEvent(f"value for {shown(key)}, which no callback of this event reads{_why(key)}")
    for id_str in present:
        if not reads.admits_id(id_str):
            raise BadEvent(f"presence of {shown(id_str)}, which no callback of this event names{_why(id_str, True)}")
    follows = data.get("follows", {})
    if follows and (problem := graph.follows.check_event(follows, reads.admits_value)):
        raise BadEvent(problem)
    return seq, Event(changed=changed, values=values, present=present, pending=pending, run=run, ran=ran,
                      reads=reads, cancel=cancel, follows=follows)


def _parse_run(run: Any, graph: Graph) -> list[tuple[int, list[str]]]:
    _expect(isinstance(run, list), "'run' must be a list")
    parsed = []
    for entry in run:
        _expect(isinstance(entry, dict) and set(entry) <= {"cb", "triggered"}, "each 'run' entry must be {cb, triggered}")
        index = entry.get("cb")
        _expect(isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(graph.callbacks),
                f"unknown callback {shown(index)} in 'run'")
        triggered = _str_list(entry.get("triggered", []), "run[].triggered")
        for key in triggered:
            if not any(i == index for i, _ in graph.triggered_by(key)):
                raise BadEvent(f"{shown(key)} is not an Input of callback {index}{_why(key)}")
        parsed.append((index, triggered))
    return parsed


def _parse_cancel(cancel: Any) -> list[str]:
    """Background jobs the page asks to stop (docs/background.md): ids as the `job` lines gave them."""
    _expect(isinstance(cancel, list) and len(cancel) <= _MAX_CANCEL
            and all(isinstance(j, str) and 0 < len(j) <= 64 and j.isalnum() for j in cancel),
            f"'cancel' must be a list of at most {_MAX_CANCEL} job ids")
    return cancel


def _parse_ran(ran: Any, graph: Graph) -> list[int]:
    """The clientside callbacks the browser ran for this event (their outputs are in `changed`)."""
    _expect(isinstance(ran, list), "'ran' must be a list of clientside callback numbers")
    for index in ran:
        _expect(isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(graph.callbacks)
                and graph.callbacks[index].clientside is not None, f"'ran' names {shown(index)}, which is not a "
                "clientside callback of this app")
    return ran


def _why(name: str, is_id: bool = False) -> str:
    """Why a key or id the graph did not know is malformed, if it is (only rejected events pay for this: the
    graph's lookups already refuse malformed ids, so accepted ones are parsed once)."""
    id_str = name if is_id else split_key(name)[0]
    if not is_id and "." not in name:
        return " (a prop key is '<id>.<prop>')"
    try:
        concrete_id(id_str)
    except ValueError as exc:
        return f" ({exc})"
    return ""
