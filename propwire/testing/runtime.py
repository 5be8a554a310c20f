"""The headless browser runtime: user changes become events; stream lines update the store (docs/protocol.md)."""

from __future__ import annotations

import asyncio
import warnings
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

import orjson

from propwire.api.dependencies import split_key
from propwire.core.json_values import same_json
from propwire.protocol.wire import Unreadable, read_body
from propwire.testing.asgi_stream import complete_prefix
from propwire.testing.components import clientside_unsupported
from propwire.testing.graph import ClientGraph
from propwire.testing.patching import apply_ops
from propwire.testing.persist import Persistence
from propwire.testing.side import SideUpdates, absent_side_ids, none_if_unset
from propwire.testing.store import UNSET, Store
from propwire.testing.stream import RerunList, Stream, parse_line

PAGE_SEQ = 0

# post(body bytes) -> (HTTP status, response text)
# An event's status and body: whole bytes, or an async iterator of its chunks as they arrive
Post = Callable[[bytes], Awaitable[tuple[int, Any]]]


@dataclass
class EventLog:
    """One event as sent and answered: its body (None for the page load), status and stream lines."""

    seq: int
    body: dict[str, Any] | None
    status: int = 200
    lines: list[dict[str, Any]] = field(default_factory=list)


class Runtime(SideUpdates):
    """Streams, versions and the re-run list, as the renderer's runtime keeps them (running= props and side
    updates: side.py)."""

    def __init__(self, store: Store, graph: ClientGraph, post: Post,
                 on_output: Callable[[str, str, bool], None] | None = None,
                 on_cookies: Callable[[int, str], Coroutine[Any, Any, None]] | None = None,
                 persist: Persistence | None = None):
        self.store = store
        self.persist = persist  # keeps persisted props' edits (testing/persist.py), as the renderer's runtime
        self.graph = graph
        self._post = post
        self._on_output = on_output or (lambda id_str, prop, user: None)
        self._on_cookies = on_cookies
        self.seq = PAGE_SEQ
        self.streams: dict[int, Stream] = {}
        self.rerun = RerunList()
        self.log: list[EventLog] = []
        self.reports: list[str] = []
        self.unsupported: list[Exception] = []  # clientside calls the server handed over (raised by the Client)
        self.effects: list[Callable[[], None]] = []  # user changes that components make after a render
        self._tasks: set[asyncio.Task] = set()
        self._wake = asyncio.Event()
        self._warned: set[str] = set()  # unknown stream line kinds already warned of
        self._side: list[str] = []  # side updates of this tick that trigger: they go out as one event (_flush_side)
        self._open(PAGE_SEQ, None)

    # -- the page and the user ---------------------------------------------------------

    def page_lines(self, lines: list[Any]) -> None:
        """The page-load stream (seq 0), as the page's inline scripts push it."""
        stream = self.streams.get(PAGE_SEQ)
        if stream is None:
            return
        entry = self._log_of(PAGE_SEQ)
        for line in lines:
            entry.lines.append(line)
            self._handle(stream, line)
            if self._side:  # each page line is a script of its own in the browser: its side updates go out alone
                self._flush_side()
        self._run_effects()

    def page_ended(self) -> None:
        """The page's HTML has been read to its end: a page stream still open lost its `done` line."""
        stream = self.streams.get(PAGE_SEQ)
        if stream is not None:
            self.reports.append("The page stream ended early: "
                                "the page's HTML ended before the initial callbacks were done.")
            self._end(stream)

    def user_change(self, changes: list[tuple[str, dict[str, Any]]]) -> None:
        """One tick of user changes: applied at once, their triggering keys sent as one event. A prop equal to
        the one held is dropped, as Dash's setProps (and the renderer's userChange) drop it."""
        batch: list[str] = []
        stop: list[str] = []  # background jobs a cancel Input stops
        for id_str, partial in changes:
            partial = {p: v for p, v in partial.items() if not same_json(self.store.value(f"{id_str}.{p}"), v)}
            entry = self.store.entry(id_str)
            if entry is not None and self.persist is not None:
                self.persist.record(entry.comp, partial)  # a user's edit is kept before it applies
            for prop, value in partial.items():
                key = f"{id_str}.{prop}"
                if self.store.set_prop(id_str, prop, value) is None:
                    continue
                self._on_output(id_str, prop, True)
                if self.graph.triggers_any(key) and key not in batch:
                    batch.append(key)
                stop += [j for cb in self.graph.cancelled_by.get(key, ()) for j in self._jobs_of(cb)]
        if stop and not batch:  # a cancel Input that triggers nothing: an event that only cancels
            self._send({}, [], stop)
        local = self.graph.local_clientside(batch)
        if local:
            raise clientside_unsupported(local[0])
        if batch:
            changed = {k: none_if_unset(self.store.value(k)) for k in batch}
            self._send(changed, [], stop)

    def raise_unsupported(self) -> None:
        """A clientside call the server handed over: the Client stops with its ClientsideUnsupported."""
        if self.unsupported:
            raise self.unsupported.pop(0)

    @property
    def busy(self) -> bool:
        return bool(self.streams or self._tasks or self.effects or self._side)

    async def wait_idle(self, timeout: float) -> None:
        """Until no stream runs and no follow-up is due."""
        async def settle() -> None:
            while self.busy:
                self._run_effects()
                if not self.busy:
                    break
                self._wake.clear()
                await self._wake.wait()

        try:
            await asyncio.wait_for(settle(), timeout)
        except TimeoutError:
            raise TimeoutError(f"the page is still busy after {timeout} s: events {sorted(self.streams)} "
                               "have not finished") from None

    # -- events ---------------------------------------------------------------------

    def _send(self, changed: dict[str, Any], run: list[dict], cancel: list[str] | None = None,
              side: bool = False) -> None:
        self.seq += 1
        seq = self.seq
        pending = sorted({k for s in self.streams.values() for k in s.pending})
        asked = self.graph.asked_for(changed, run)
        body = self.graph.build_event(self.store, seq, changed, run, pending, asked)
        # A newer run of a background callback replaces its running job, and a cancel Input stops it
        stop = sorted({*(cancel or ()), *(j for cb, bindings in asked.items() for j in self._jobs_of(cb, bindings))})
        if stop:
            body["cancel"] = stop
        stream = self._open(seq, body)
        stream.side = side
        stream.asked = sorted(asked)
        stream.writes = self.graph.asked_writes(asked)
        task = asyncio.get_running_loop().create_task(self._fetch(stream, orjson.dumps(body)))
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _exchange(self, seq: int, token: str) -> None:
        """A `cookies` line: its token is exchanged for the real Set-Cookie headers at once, as the renderer
        does (the page is busy until that answer is in, so the next action carries the cookies)."""
        if self._on_cookies is None:
            return
        task = asyncio.get_running_loop().create_task(self._on_cookies(seq, token))
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            self.reports.append(f"Event failed: {task.exception()!r}")
        self._wake.set()

    def _open(self, seq: int, body: dict | None) -> Stream:
        stream = Stream(seq, self.store.clock)
        self.streams[seq] = stream
        self.log.append(EventLog(seq, body))
        return stream

    def _log_of(self, seq: int) -> EventLog:
        return next(e for e in reversed(self.log) if e.seq == seq)

    async def _fetch(self, stream: Stream, body: bytes) -> None:
        entry = self._log_of(stream.seq)
        try:
            status, data = await self._post(body)
            entry.status = status
            if status != 200:
                message = _error_message(data.decode(errors="replace"))
                self.reports.append(f"Event {stream.seq} was rejected (HTTP {status}): {message}")
                return
            if isinstance(data, bytes):
                self._lines(stream, entry, data)
                return
            held = b""
            async for chunk in data:  # lines as the server writes them (a background job's progress)
                held += chunk
                cut = complete_prefix(held)
                self._lines(stream, entry, held[:cut])
                held = held[cut:]
            self._lines(stream, entry, held)
        finally:
            self._end(stream)
            self._run_effects()

    def _lines(self, stream: Stream, entry: EventLog, data: bytes) -> None:
        for line in read_body(data):
            if isinstance(line, Unreadable):
                self.reports.append(f"Event {stream.seq}: {line}")
                continue
            entry.lines.append(line)
            self._handle(stream, line)
        self._wake.set()

    # -- stream lines ---------------------------------------------------------------

    def _handle(self, stream: Stream, line: Any) -> None:
        if self.streams.get(stream.seq) is not stream:
            return
        parsed = parse_line(line)
        if isinstance(parsed, str):
            self.reports.append(f"Event {stream.seq}: bad stream line: {parsed}: {line!r:.200}")
            return
        kind, body = parsed
        if kind == "plan":
            stream.set_plan(body["callbacks"], body["props"])
        elif kind == "start":
            self._start(stream, body["cb"], body.get("running"))
        elif kind == "job":  # a job started, or (ended) it gave its outcome: its result line follows
            if body.get("ended") is True:
                stream.jobs.pop(body["id"], None)
            else:
                stream.jobs[body["id"]] = (body["cb"], body["match"] if isinstance(body.get("match"), dict) else None)
        elif kind == "progress":
            self._set_all(stream, body["outputs"])
            self._absent_side(body)
            self._side_changed(list(body["outputs"]))
        elif kind == "result":
            stream.finished(body["cb"])
            self._stop(stream, body["cb"])
            self._result(stream, body)
        elif kind == "skip":
            stream.finished(body["cb"])
            self._stop(stream, body["cb"])
            self.rerun.ran(body["cb"])
        elif kind == "error":
            stream.finished(body["cb"])
            self._stop(stream, body["cb"])
            self.rerun.ran(body["cb"])
            self.reports.append(str(body.get("message", "")))
        elif kind == "deferred":
            stream.finished(body["cb"])
            behind = [seq for seq in self.streams if seq <= stream.seq]
            triggered = body.get("triggered", [])
            # a side event's reader waits for an older stream that writes its Input and runs it itself (stream.py)
            since = {k: self.store.version(k) for k in triggered} if stream.side else None
            if not self.rerun.add(body["cb"], triggered, stream.seq, behind, since):
                self.reports.append(f"{self.graph.title(body['cb'])} was deferred too many times: "
                                    "The server kept deferring it; giving up.")
        elif kind == "client":  # the browser would run it now: the headless client cannot (docs/testing.md)
            stream.finished(body["cb"])
            self.unsupported.append(clientside_unsupported(self.graph.clientside[body["cb"]]))
        elif kind == "note":
            pass  # debug pages only: why a callback did not run, for the dev tools
        elif kind == "cookies":
            self._exchange(stream.seq, body["token"])
        elif kind == "done":
            self._end(stream)
        elif kind not in self._warned:  # a newer server's line: skipped, and said so once
            self._warned.add(kind)
            warnings.warn(f"propwire: skipping unknown stream line '{kind}'", RuntimeWarning, stacklevel=2)

    def _absent_side(self, body: dict[str, Any]) -> None:
        """A result's or a job's set_props writes to ids the page does not hold are reported, as the page does."""
        if not self.graph.suppress:
            self.reports += [f"{self.graph.title(body['cb'])}: set_props names an id not in the page: {m}"
                             for m in absent_side_ids(body.get("side"), self.store)]

    def _result(self, stream: Stream, result: dict[str, Any]) -> None:
        outputs: dict[str, Any] = result.get("outputs", {})
        patches: dict[str, list] = result.get("patches", {})
        verdict = stream.expect.judge(result.get("reads", []), self.store.version)
        if verdict == "apply":
            self._set_all(stream, outputs)
            patched: dict[str, Any] = {}
            for key, ops in patches.items():
                current = self.store.value(key)
                if not self.store.has(split_key(key)[0]):
                    continue
                try:
                    value = apply_ops(None if current is UNSET else current, ops)
                except (ValueError, TypeError, KeyError, IndexError, ZeroDivisionError) as err:
                    self.reports.append(f"{self.graph.title(result['cb'])}: cannot apply its Patch to {key}: {err}")
                    continue
                patched[key] = value
            self._set_all(stream, patched)
            self._absent_side(result)
            reads = result.get("reads", [])
            self.rerun.settle(result["cb"], stream.seq, [(k, self.store.version(k)) for k in reads])
            return
        for key in (*outputs, *patches):
            stream.expect.taint(key)
        if verdict == "stale" and not self.rerun.covered(result["cb"], stream.seq, result.get("reads", []),
                                                         self.store.version):
            self.rerun.add(result["cb"], result.get("triggered", []), stream.seq)
            self._pump()

    def _set_all(self, stream: Stream, values: dict[str, Any]) -> None:
        """A result's values, one component at a time, through persistence first (as the renderer's `outputs`)."""
        by_id: dict[str, dict[str, Any]] = {}
        for key, value in values.items():
            id_str, prop = split_key(key)
            by_id.setdefault(id_str, {})[prop] = value
        for id_str, props in by_id.items():
            entry = self.store.entry(id_str)
            changes = props if entry is None or self.persist is None else self.persist.written(entry.comp, props)
            for prop, value in changes.items():
                self._set(stream, f"{id_str}.{prop}", value)
            # Values a change of `persistence` brought back: new to the server, so they trigger as a user's would.
            back = [f"{id_str}.{p}" for p in changes if p not in props and self.graph.triggers_any(f"{id_str}.{p}")]
            if back:
                self.effects.append(self._trigger_later(back))

    def _trigger_later(self, keys: list[str]) -> Callable[[], None]:
        """An effect sending `keys` (already set) as one event, with the values they hold then."""
        return lambda: self._send({k: none_if_unset(self.store.value(k)) for k in keys}, [])

    def _set(self, stream: Stream, key: str, value: Any) -> None:
        id_str, prop = split_key(key)
        for touched in self.store.set_prop(id_str, prop, value) or []:
            stream.expect.expect(touched, self.store.version(touched))
        if self.store.has(id_str):
            self._on_output(id_str, prop, False)

    def _end(self, stream: Stream) -> None:
        if self.streams.get(stream.seq) is not stream:
            return
        del self.streams[stream.seq]
        for cb in list(stream.running):  # started but never reported (the stream broke off): set back too
            self._stop(stream, cb, every=True)
        self.rerun.ended(stream.seq)
        self._pump()
        self._wake.set()

    def _pump(self) -> None:
        """Send the re-run list's ready entries as one follow-up event."""
        streams = list(self.streams.values())
        if any(s.plan is None for s in streams):
            return  # until every running stream has told its plan, what it will still run is unknown
        ready = self.rerun.take(lambda cb: any(cb in s.plan for s in streams))  # type: ignore[operator]
        if ready:
            self._send({}, [{"cb": e.cb, "triggered": e.triggered} for e in ready])

    def _run_effects(self) -> None:
        while self.effects:
            self.effects.pop(0)()


def _error_message(text: str) -> str:
    try:
        body = orjson.loads(text)
        if isinstance(body, dict) and isinstance(body.get("error"), str):
            return body["error"]
    except orjson.JSONDecodeError:
        pass
    return text
