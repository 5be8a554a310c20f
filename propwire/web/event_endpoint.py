"""The event endpoint (POST /_propwire/event): a checked event in, stream lines out (wire.py), batch by batch.

A raw ASGI app, not a Starlette endpoint: it is the hot path of every user action. A bad request gets a 4xx
with a JSON message before any callback runs. The response's headers wait for the first finished callback,
so its cookies and Server-Timing entries can be in them, but never longer than HOLD_SECONDS. An event whose
chain finishes by then is one body with a Content-Length; a longer one streams, cookies set after the
headers as a `cookies` line holding a sealed token the page exchanges for them (cookie_token.py).

Lines are written in batches, not one per callback: a finished callback's lines wait up to COALESCE_SECONDS
for the callbacks it started, then go with whatever joined them (the chain's end sends everything at once).
Sync callbacks run on worker threads, so in a chain of fast ones each finishes in its own loop turn; written
one by one, a chain of 10 would be 10 writes and 10 renders in the page, where one is what the user sees.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Iterator
from typing import Any

from starlette.requests import cookie_parser
from starlette.types import Receive, Scope, Send

from propwire.api.context import Headers, RequestInfo
from propwire.api.exceptions import BadEvent
from propwire.api.serialize import dumps
from propwire.core import telemetry
from propwire.core.component_json import ComponentJSONError, check_sent
from propwire.core.engine import Batch, Chain, Engine
from propwire.core.outcomes import CallEffects, Job, effects_of
from propwire.protocol.events import parse_event
from propwire.protocol.lines import cookies_line, done_line, encode
from propwire.protocol.wire import LazyText, Part, join_parts
from propwire.web import cookie_token, request_guard
from propwire.web.spec import EngineProvider, Limits

NDJSON = b"application/x-ndjson"
HOLD_SECONDS = 0.05
# Well under a frame (16.7 ms at 60 Hz): an output a later callback overtakes shows at most a frame later.
COALESCE_SECONDS = 0.004
log = logging.getLogger("propwire")
# What may not be in a header value: CR and LF would end it early (header injection), NUL and the other
# controls make the server refuse the whole response. Callbacks choose these texts (timings, headers).
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_HTTP_SCHEME = {"ws": "http", "wss": "https"}  # an event over a WebSocket came from a page served over these
_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


class EventEndpoint:
    """The ASGI app of the event route, for one engine (asked for per event: it may be built on first use),
    under the limits' origin rule and event size.

    Example::

        Route("/_propwire/event", EventEndpoint(lambda: engine, Limits(max_event_bytes=1 << 20)), methods=["POST"])
    """

    def __init__(self, engine: EngineProvider, limits: Limits):
        self.engine = engine
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if refused := request_guard.refuse_post(scope, self.limits.allowed_origins):  # cross-site: 403
            return await _reply(send, *refused)
        ctype = length = b""
        for name, value in scope["headers"]:
            if name == b"content-type":
                ctype = value
            elif name == b"content-length":
                length = value
        if not ctype.lower().startswith(b"application/json"):
            return await _reply(send, 415, "events must be sent as application/json")
        try:
            body = await _read_body(receive, length, self.limits.max_event_bytes)
            stream = event_stream(self.engine(), body, receive)
        except BadEvent as exc:
            return await _reply(send, exc.status, str(exc))
        stream.chain.request = request_info(scope)
        await stream(scope, receive, send)


def event_stream(engine: Engine, body: bytes, receive: Receive | None = None, headers: bool = True) -> EventStream:
    """The stream answering one event's body (a POST's, or a WebSocket message's: event_socket.py), checked
    against the app before any callback runs; a bad event raises BadEvent with the 4xx status and a message.

    Example::

        stream = event_stream(engine, b'{"seq": 1, "changed": {"name.value": "x"}}')
    """
    try:
        seq, event = parse_event(body, engine.graph)
        check_sent(event.changed)
        check_sent(event.values)
        view = engine.view_for(event)
    except (TypeError, AttributeError) as exc:  # changed values holding malformed component JSON
        raise BadEvent(f"the event's 'changed' values are not valid component JSON: {exc}") from None
    except ComponentJSONError as exc:  # children the browser sent that no layout could hold
        raise BadEvent(f"the event holds component JSON that is not a valid component: {exc}") from None
    attributes = {"propwire.changed": sorted(event.changed),
                  "propwire.run": [i for i, _ in event.run]} if telemetry.enabled() else None
    # the stream holds the chain, and lets it (and the outputs in its view) go before the last bytes
    return EventStream(engine.event(event, view), seq, attributes, receive, headers)


def request_info(scope: Scope) -> RequestInfo:
    """The request's cookies, headers, path and client, for ctx (plain values: the engine knows no ASGI)."""
    headers = Headers((name.decode("latin-1").lower(), value.decode("latin-1")) for name, value in scope["headers"])
    query = scope.get("query_string", b"").decode("latin-1")
    client = scope.get("client")
    scheme = str(scope.get("scheme", "http"))
    return RequestInfo(cookies=cookie_parser(headers.get("cookie", "")), headers=headers,
                       path=scope.get("path", "") + (f"?{query}" if query else ""),
                       remote=client[0] if client else None, scheme=_HTTP_SCHEME.get(scheme, scheme))


async def _read_body(receive: Receive, declared: bytes, limit: int) -> bytes:
    if declared.isdigit() and int(declared) > limit:
        raise BadEvent(f"the event is {declared.decode()} bytes; the limit is {limit} (Dash(max_event_bytes=...))", 413)
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise BadEvent("the client went away before sending the whole event")
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise BadEvent(f"the event is over the limit of {limit} bytes (Dash(max_event_bytes=...))", 413)
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


async def _disconnected(receive: Receive) -> None:
    """Returns when the client has gone away (the request's body was read before)."""
    while (await receive())["type"] != "http.disconnect":
        pass


async def _reply(send: Send, status: int, message: str) -> None:
    body = dumps({"error": message})
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class EventStream:
    """One event's response (an ASGI app). With `headers` False it sends only body messages (the caller frames
    them: event_socket.py), so its first line goes out as soon as it is known and cookies go as `cookies`
    lines; the headers a callback sets (ctx.response.headers, Server-Timing) have nowhere to go and are not
    sent, as for a callback that finishes after an HTTP answer's headers went out."""

    def __init__(self, chain: Chain, seq: int, attributes: dict[str, Any] | None = None,
                 receive: Receive | None = None, headers: bool = True):
        self.chain = chain
        self.receive = receive  # the request's, read to its end: what comes next is the client going away
        self.gone: asyncio.Future | None = None  # watches for that, from the first wait on a running callback
        self.abandoned = False
        self.seq = seq
        self.began = time.perf_counter()
        self.attributes = attributes or {}
        self.held: list[Part] = []  # lines not sent yet
        # when they go if the chain has not ended by then (perf_counter); None: nothing waits to be sent
        self.due: float | None = None
        self.cookies: list[str] = []
        self.headers: dict[str, str] = {}
        self.timings: list[str] = []
        # the headers are sent; an answer without headers (a WebSocket's) starts opened, so a callback's cookies
        # go as a `cookies` line
        self.opened = not headers
        if headers:  # the headers wait for a finished callback, but not longer than the hold
            self.due = self.began + HOLD_SECONDS

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not telemetry.enabled():
            return await self._respond(send)
        # One span per event; the engine's callback spans open inside it, so they are its children.
        with telemetry.span("propwire event", {"propwire.seq": self.seq, **self.attributes}):
            await self._respond(send)

    async def _respond(self, send: Send) -> None:
        chain = self.chain
        try:
            batch = chain.advance()
            while True:
                self._take(batch)
                if batch.last:
                    break
                if not await self._wait(chain, send):
                    return  # the client went away: the finally cancels what runs, nothing new starts
                batch = chain.advance()
            batch = None  # type: ignore[assignment]
        finally:
            if self.gone is not None:
                self.gone.cancel()
            chain.cancel()
        # The chain is over: its view and steps (the outputs as Python values) go before the bytes do, so a
        # big output is held once, as the bytes of its line, while those trickle out.
        self.chain = chain = None  # type: ignore[assignment]
        done = done_line(self.seq)
        if not self.opened:  # the whole answer is known: one body
            held, self.held = self.held, []
            held.append(done)
            await send({"type": "http.response.start", "status": 200,
                        "headers": self._head() + [(b"content-length", str(sum(map(len, held))).encode())]})
            await send_parts(send, held, more_body=False)
            return
        # What is still held goes with the done line, in one write: over the event socket one frame, where a
        # frame of its own would cost the server a send and the page a message task for every event.
        held, self.held = self.held, []
        held.append(done)
        await send_parts(send, held, more_body=False)

    def _take(self, batch: Batch) -> None:
        """A batch's lines, kept back until `due` (or the chain's end); a finished callback brings `due` to at
        most COALESCE_SECONDS away. Before the headers go, its cookies, headers and timings are kept for them;
        after, its cookies go as a `cookies` line."""
        finished = False
        for item in batch.items:
            effects = effects_of(item)
            if effects is not None and self.opened and effects.cookies:
                self.held.append(dumps(cookies_line(cookie_token.seal(effects.cookies, self.seq))) + b"\n")
            encode(item, self.held, lazy=True)
            if effects is not None:
                if not self.opened:
                    self._collect(effects)
                finished = True
            elif isinstance(item, Job):  # a background job: its id and progress are news (it may run for minutes)
                finished = True
        if self.held and (finished or self.opened):
            soon = time.perf_counter() + COALESCE_SECONDS
            self.due = soon if self.due is None else min(self.due, soon)

    async def _wait(self, chain: Chain, send: Send) -> bool:
        """Until a running callback finishes (True), or the client disconnects first (False). Lines kept back
        go out when they are due, if the chain has not moved on by then."""
        if self.due is not None and (left := self.due - time.perf_counter()) > 0:
            try:
                async with asyncio.timeout(left) as scope:
                    return await self._wait_chain(chain)
            except TimeoutError:
                if not scope.expired():
                    raise
        if self.due is not None:
            await self._flush(send)
        return await self._wait_chain(chain)

    async def _wait_chain(self, chain: Chain) -> bool:
        """A tab closed or navigated away mid-chain abandons its event: the callbacks it has not started never
        start."""
        if self.receive is None:
            await chain.wait()
            return True
        if self.gone is None:  # only chains that wait pay for the watch
            self.gone = asyncio.ensure_future(_disconnected(self.receive))
        if await chain.wait(interrupt=self.gone):
            return True
        self.abandoned = True  # the callbacks' tasks still run: the finally cancels them
        return False

    async def _flush(self, send: Send) -> None:
        """The lines kept back go now, after the headers if those have not gone yet."""
        self.due = None
        if not self.opened:
            self.opened = True
            await send({"type": "http.response.start", "status": 200, "headers": self._head()})
        held, self.held = self.held, []
        if held:
            await send_parts(send, held)

    def _head(self) -> list[tuple[bytes, bytes]]:
        timings = [*self.timings, f"propwire;dur={(time.perf_counter() - self.began) * 1000:.1f}"]
        raw = [(b"content-type", NDJSON), (b"cache-control", b"no-store"), (b"x-content-type-options", b"nosniff"),
               (b"server-timing", header_value(", ".join(timings)))]
        for name, value in self.headers.items():
            if isinstance(name, str) and _TOKEN.fullmatch(name):
                raw.append((name.lower().encode(), header_value(str(value))))
            else:  # a name that would break the response: left out, and said so (the rest still goes)
                log.warning("ctx.response.headers: header name %r is not a valid token; not sent", name)
        raw += [(b"set-cookie", header_value(c)) for c in self.cookies]
        return raw

    def _collect(self, effects: CallEffects) -> None:
        """A finished callback's cookies, headers and timings, for the headers still to be sent."""
        self.cookies.extend(effects.cookies)
        self.headers.update(effects.headers)
        for name, seconds, desc in effects.timings:
            entry = f"{name};dur={seconds * 1000:.1f}"
            if desc:  # a quoted string: its quotes and backslashes escaped (header_value removes controls)
                entry += ';desc="' + str(desc).replace("\\", "\\\\").replace('"', '\\"') + '"'
            self.timings.append(entry)


# A body bigger than this goes out in pieces of this size: the server buffers what the socket has not taken
# yet, so one 50 MB write is a 50 MB copy, where each piece waits for the last to drain (uvicorn's send does).
CHUNK = 1 << 20


async def send_parts(send: Send, parts: list[Part], more_body: bool = True) -> None:
    """Send a body's parts (lines, raw texts) as one message when small, else in CHUNK-sized pieces; each part
    is let go as soon as it is sent (the list is emptied as it goes)."""
    if sum(map(len, parts)) <= CHUNK:
        await send({"type": "http.response.body", "body": join_parts(parts), "more_body": more_body})
        parts.clear()
        return
    parts.reverse()  # popped from the end: the first part first, each dropped once sent
    small: list[bytes | memoryview] = []
    size = 0
    while parts:
        for piece in _pieces(parts.pop()):
            if size + len(piece) > CHUNK and small:
                await send({"type": "http.response.body", "body": b"".join(small), "more_body": True})
                small, size = [], 0
            small.append(piece)
            size += len(piece)
    await send({"type": "http.response.body", "body": b"".join(small), "more_body": more_body})


def _pieces(part: Part) -> Iterator[bytes | memoryview]:
    if isinstance(part, LazyText):
        yield from part.pieces(CHUNK)
        return
    view = memoryview(part)
    for at in range(0, len(view), CHUNK):
        yield view[at:at + CHUNK]


def header_value(text: str) -> bytes:
    """A header value from text a callback chose: control characters (CR, LF, NUL...) become spaces.

    >>> header_value('db;desc="one\\r\\nSet-Cookie: x=1"')
    b'db;desc="one  Set-Cookie: x=1"'
    """
    return _CONTROL.sub(" ", text).encode()
