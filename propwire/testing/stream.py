"""One event's stream as the browser tracks it: its plan, its version expectations, and the re-run list."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

# A callback deferred this many times in a row without an answer is given up on (as the renderer does).
MAX_DEFERRALS = 8


class Expectations:
    """What one stream expects of the versions of the props its results read."""

    def __init__(self, start: int):
        self.start = start  # the store clock when the event was sent
        self._own: dict[str, int] = {}
        self._tainted: set[str] = set()

    def matches(self, key: str, version: int) -> bool:
        own = self._own.get(key)
        return version <= self.start if own is None else own == version

    def judge(self, reads: Iterable[str], version_of: Callable[[str], int]) -> str:
        """"apply", "stale" (computed from values changed since) or "tainted" (computed from a dropped result)."""
        stale = False
        for key in reads:
            if key in self._tainted:
                return "tainted"
            if not self.matches(key, version_of(key)):
                stale = True
        return "stale" if stale else "apply"

    def expect(self, key: str, version: int) -> None:
        self._own[key] = version
        self._tainted.discard(key)

    def taint(self, key: str) -> None:
        self._tainted.add(key)


KNOWN = {"plan", "start", "job", "progress", "result", "skip", "error", "deferred", "client", "note", "done",
         "cookies"}
_CB = {"start", "job", "progress", "result", "skip", "error", "deferred", "client", "note"}


def parse_line(raw: Any) -> tuple[str, Any] | str:
    """A line's kind and body, or what is wrong with it (renderer/src/stream.ts parseLine).

    Required fields of the wrong shape make the line malformed; optional ones of the wrong shape read as absent,
    as in the renderer (a `reads` that is not a list of keys is no reads, a start's `running` that is not a list
    of entries falls back to the graph's). A kind this client does not know (a newer server's) comes back as is,
    for the caller to skip.
    """
    if not isinstance(raw, dict):
        return "a stream line must be a JSON object"
    if not raw:
        return "a stream line must not be empty"
    kind, body = next(iter(raw.items()))
    if kind == "cookies":
        ok = isinstance(body, dict) and isinstance(body.get("token"), str)
        return (kind, body) if ok else "malformed stream line 'cookies'"
    if kind not in KNOWN:
        return kind, body
    if not isinstance(body, dict):
        return f"stream line '{kind}' has no object body"
    checked = _checked(kind, body)
    return (kind, checked) if checked is not None else f"malformed stream line '{kind}'"


def _checked(kind: str, body: dict[str, Any]) -> dict[str, Any] | None:
    """The body with its optional fields normalised, or None when a required one is wrong."""
    if kind in _CB and not _is_int(body.get("cb")):
        return None
    if kind == "plan":
        ok = isinstance(body.get("callbacks"), list) and all(_is_int(c) for c in body["callbacks"])
        return body if ok and _is_keys(body.get("props")) else None
    if kind == "result":
        patches = body.get("patches", {})
        if not isinstance(body.get("outputs"), dict) or not isinstance(patches, dict) \
                or not all(isinstance(ops, list) for ops in patches.values()):
            return None
        return {**body, "patches": patches, "reads": _keys_or_none(body.get("reads")),
                "triggered": _keys_or_none(body.get("triggered"))}
    if kind == "job":
        return body if isinstance(body.get("id"), str) else None
    if kind == "progress":
        return body if isinstance(body.get("outputs"), dict) else None
    if kind == "deferred":
        return {**body, "triggered": _keys_or_none(body.get("triggered"))}
    if kind == "start":
        running = body.get("running")
        ok = isinstance(running, list) and all(isinstance(e, list) and len(e) == 3 and isinstance(e[0], str)
                                               for e in running)
        return {"cb": body["cb"], "running": running} if ok else {"cb": body["cb"]}
    if kind == "error":
        return {**body, "message": _text(body.get("message"))}
    return body


def _is_keys(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(k, str) for k in value)


def _keys_or_none(value: Any) -> list[str]:
    return value if _is_keys(value) else []


def _text(value: Any) -> str:
    """A message as text, as the renderer's String(value ?? "") (near enough for what servers send)."""
    return "" if value is None else value if isinstance(value, str) else str(value)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass
class Running:
    """A callback of one stream that started with `running` props: its instances still running, the values after."""

    count: int
    after: list[tuple[str, Any]]


@dataclass
class Stream:
    """One running event (seq 0 is the page load)."""

    seq: int
    start: int
    asked: list[int] = field(default_factory=list)  # the callbacks the event asked for
    writes: list[str] = field(default_factory=list)  # what they may write, until the plan line says
    plan: set[int] | None = None
    props: list[str] | None = None
    running: dict[int, Running] = field(default_factory=dict)
    # background jobs running, by id: (callback, the MATCH values of its instance or None), as the renderer's Jobs
    jobs: dict[str, tuple[int, dict[str, Any] | None]] = field(default_factory=dict)
    side: bool = False  # its event carried side updates (progress, a job's set_props, running= values)

    def __post_init__(self) -> None:
        self.expect = Expectations(self.start)

    @property
    def pending(self) -> list[str]:
        """The props this stream may still write: its plan's, or before the plan line its callbacks' writes."""
        return self.writes if self.props is None else self.props

    def set_plan(self, callbacks: list[int], props: list[str]) -> None:
        self.plan = set(callbacks)
        self.props = list(props)

    def finished(self, cb: int) -> None:
        if self.plan is not None:
            self.plan.discard(cb)


@dataclass
class RerunEntry:
    cb: int
    triggered: list[str]
    seq: int
    wait_for: set[int] = field(default_factory=set)
    # a deferred side event's triggers with their versions then (None otherwise): an applied result of the
    # callback that read each at that version or newer answered them
    since: dict[str, int] | None = None


class RerunList:
    """Callbacks to ask for again in a follow-up event."""

    def __init__(self) -> None:
        self._entries: dict[int, RerunEntry] = {}
        self._deferrals: dict[int, int] = {}
        # per callback, per prop it read: (version its newest applied result read, that result's stream)
        self._applied: dict[int, dict[str, tuple[int, int]]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, cb: int, triggered: Iterable[str], seq: int, deferred_behind: Iterable[int] | None = None,
            since: dict[str, int] | None = None) -> bool:
        """Returns False when `cb` was deferred too often and is given up on. A deferral an applied result already
        answered (`since`: its triggers' versions now) is not listed: a side update onto an Input that an older
        stream's callback still writes is deferred by the server, and that stream then runs the reader with the
        newer value itself; Dash, too, runs such a blocked reader once, after its writer."""
        if deferred_behind is not None:
            count = self._deferrals.get(cb, 0) + 1
            self._deferrals[cb] = count
            if count > MAX_DEFERRALS:
                self._deferrals.pop(cb, None)
                self._entries.pop(cb, None)
                return False
        wait_for = set(deferred_behind or ())
        old = self._entries.get(cb)
        if old is None:
            if since is not None and self._answered(cb, since):
                return True
            self._entries[cb] = RerunEntry(cb, list(triggered), seq, wait_for, since)
            return True
        old.triggered += [k for k in triggered if k not in old.triggered]
        old.wait_for |= wait_for
        old.seq = max(old.seq, seq)
        old.since = None if old.since is None or since is None else \
            {k: max(v, old.since.get(k, -1)) for k, v in {**old.since, **since}.items()}
        return True

    def _answered(self, cb: int, since: dict[str, int]) -> bool:
        """Whether cb's newest applied results read every one of these props at the version given or newer."""
        seen = self._applied.get(cb)
        if not seen or not since:
            return False
        return all(seen.get(k, (-1, 0))[0] >= v for k, v in since.items())

    def settle(self, cb: int, seq: int, reads: Iterable[tuple[str, int]] = ()) -> None:
        """A valid result of `cb` from stream `seq` settles an entry listed by an older stream; `reads` are the
        versions of the props it read, as the page held them when it was applied."""
        seen = self._applied.setdefault(cb, {})
        for key, version in reads:
            old = seen.get(key)
            if old is None or old[1] <= seq:
                seen[key] = (version, seq)
        self._deferrals.pop(cb, None)
        entry = self._entries.get(cb)
        if entry is not None and (entry.seq < seq or (entry.since is not None and self._answered(cb, entry.since))):
            del self._entries[cb]

    def covered(self, cb: int, seq: int, reads: list[str], version_of: Callable[[str], int]) -> bool:
        """Whether a stale result of `cb` from stream `seq` needs no re-run: a newer stream's applied result of
        `cb` read every one of the same props at the version the page holds now, so a re-run would be called
        with the very arguments that result was computed from (Dash calls a callback once per change)."""
        seen = self._applied.get(cb)
        if not seen or not reads:
            return False
        for key in reads:
            got = seen.get(key)
            if got is None or got[1] <= seq or got[0] != version_of(key):
                return False
        return True

    def ran(self, cb: int) -> None:
        self._deferrals.pop(cb, None)

    def ended(self, seq: int) -> None:
        for entry in self._entries.values():
            entry.wait_for.discard(seq)

    def take(self, busy: Callable[[int], bool]) -> list[RerunEntry]:
        """Remove and return the entries ready to send: waiting on no stream and planned by none running."""
        ready = [e for e in self._entries.values() if not e.wait_for and not busy(e.cb)]
        for entry in ready:
            del self._entries[entry.cb]
        return sorted(ready, key=lambda e: e.cb)
