"""Stream lines from the core's typed items (propwire.core.outcomes): the one place that knows how each looks on
the wire (docs/protocol.md). `line_of` gives a line as a dict; `encode` appends its bytes (wire.py writes long
string outputs as raw text after their line). Example::

    >>> line_of(Skip(3, SkipReason.PREVENT_UPDATE))
    {'skip': {'cb': 3, 'reason': 'PreventUpdate'}}
    >>> line_of(Deferred(1, ["a.value"]))
    {'deferred': {'cb': 1, 'triggered': ['a.value']}}
"""

from __future__ import annotations

from typing import Any

from propwire.api.serialize import dumps
from propwire.core.outcomes import (
    Client,
    Deferred,
    Error,
    Item,
    Job,
    Note,
    Plan,
    Progress,
    Result,
    Skip,
    SkipReason,  # noqa: F401 - the doctest above names it
    Start,
)
from propwire.protocol.wire import Part, encode_line

__all__ = ["cookies_line", "done_line", "encode", "line_of"]


def _plan(item: Plan) -> dict[str, Any]:
    return {"plan": {"callbacks": item.callbacks, "props": item.props}}


def _start(item: Start) -> dict[str, Any]:
    body: dict[str, Any] = {"cb": item.cb}
    if item.running is not None:
        body["running"] = item.running
    return {"start": body}


def _job(item: Job) -> dict[str, Any]:
    body: dict[str, Any] = {"cb": item.cb, "id": item.id}
    if item.match:
        body["match"] = item.match
    if item.ended:
        body["ended"] = True
    return {"job": body}


def _progress(item: Progress) -> dict[str, Any]:
    body: dict[str, Any] = {"cb": item.cb, "outputs": item.outputs}
    if item.side:  # a set_props call's keys, which the page checks as a result's `side`
        body["side"] = list(item.outputs)
    return {"progress": body}


def _result(item: Result) -> dict[str, Any]:
    body: dict[str, Any] = {"cb": item.cb, "outputs": item.outputs, "reads": item.reads, "triggered": item.triggered,
                            "ms": round(item.seconds * 1000, 2)}
    if item.patches:
        body["patches"] = item.patches
    if item.effects.set_props:  # the keys set_props wrote: the page reports those of ids it does not hold
        body["side"] = item.effects.set_props
    if item.no_update is not None:  # debug mode: for the dev tools
        body["noUpdate"] = item.no_update
        body["timing"] = [[name, round(sec * 1000, 2), desc] for name, sec, desc in item.effects.timings]
    return {"result": body}


def _error(item: Error) -> dict[str, Any]:
    body: dict[str, Any] = {"cb": item.cb, "message": item.message}
    if item.traceback is not None:  # debug mode only: the core leaves them out otherwise
        body["traceback"] = item.traceback
    if item.inputs is not None:
        body["inputs"] = item.inputs
    return {"error": body}


def _skip(item: Skip) -> dict[str, Any]:
    return {"skip": {"cb": item.cb, "reason": item.reason.value}}


def _deferred(item: Deferred) -> dict[str, Any]:
    return {"deferred": {"cb": item.cb, "triggered": item.triggered}}


def _client(item: Client) -> dict[str, Any]:
    return {"client": {"cb": item.cb, "triggered": item.triggered, "inputs": item.inputs, "states": item.states,
                       "outputs": item.outputs}}


def _note(item: Note) -> dict[str, Any]:
    return {"note": {"cb": item.cb, "reason": item.reason.value}}


_WRITERS: dict[type, Any] = {Plan: _plan, Start: _start, Job: _job, Progress: _progress, Result: _result, Error: _error, Skip: _skip,
                             Deferred: _deferred, Client: _client, Note: _note}


def line_of(item: Item) -> dict[str, Any]:
    """The stream line of one item, as a dict."""
    return _WRITERS[type(item)](item)


def encode(item: Item, out: list[Part], lazy: bool = False) -> None:
    """Append the bytes of an item's line to `out` (long string outputs as raw parts after it, wire.py)."""
    encode_line(line_of(item), out, lazy=lazy)


def cookies_line(token: str) -> dict[str, Any]:
    """A late call's cookies, sealed (the page exchanges the token for its Set-Cookie headers)."""
    return {"cookies": {"token": token}}


def done_line(seq: int) -> bytes:
    """The last line of every response: the event's sequence number."""
    return dumps({"done": {"seq": seq}}) + b"\n"

