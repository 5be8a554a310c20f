"""The event endpoint (POST /_propwire/event): a checked event in, stream lines out (wire.py), batch by batch.

A raw ASGI app, not a Starlette endpoint: it is the hot path of every user action. A bad request gets a 4xx
with a JSON message before any callback runs. The response's headers wait for the first finished callback,
so its cookies and Server-Timing entries can be in them, but never longer than HOLD_SECONDS (a timer, set
only when a callback still runs after the first batch). An event whose chain finishes within the hold is
one body with a Content-Length; a longer one streams, each batch in one write, cookies set after the
headers as a `cookies` line holding a sealed token the page exchanges for them (cookie_token.py).
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, Any

from starlette.requests import cookie_parser
from starlette.types import Receive, Scope, Send

from . import cookie_token, telemetry
from .context import CallInfo, Headers, RequestInfo
from .engine import Batch, Chain
from .exceptions import BadEvent
from .protocol import parse_event
from .component_json import ComponentJSONError, check_sent
from .serialize import dumps
from .wire import encode_line

if TYPE_CHECKING:
    from .app import Dash

NDJSON = b"application/x-ndjson"
HOLD_SECONDS = 0.05


class EventEndpoint:
    """The ASGI app of the event route, for one propwire app (its engine is built on first use)."""

    def __init__(self, app: "Dash"):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        ctype = length = b""
        for name, value in scope["headers"]:
            if name == b"content-type":
                ctype = value
            elif name == b"content-length":
                length = value
        if not ctype.startswith(b"application/json"):
            return await _reply(send, 415, "events must be sent as application/json")
        engine = self.app.engine
        try:
            body = await _read_body(receive, length, self.app.max_event_bytes)
            seq, event = parse_event(body, engine.graph)
            check_sent(event.changed)
            check_sent(event.values)
            view = engine.view_for(event)
        except BadEvent as exc:
            return await _reply(send, exc.status, str(exc))
        except (TypeError, AttributeError) as exc:  # changed values holding malformed component JSON
            return await _reply(send, 400, f"the event's 'changed' values are not valid component JSON: {exc}")
        except ComponentJSONError as exc:  # children the browser sent that no layout could hold
            return await _reply(send, 400, f"the event holds component JSON that is not a valid component: {exc}")
        attributes = {"propwire.changed": sorted(event.changed),
                      "propwire.run": [i for i, _ in event.run]} if telemetry.enabled() else None
        chain = engine.event(event, view)
        chain.request = request_info(scope)
        await EventStream(chain, seq, attributes, receive)(scope, receive, send)


def request_info(scope: Scope) -> RequestInfo:
    """The request's cookies, headers, path and client, for ctx (plain values: the engine knows no ASGI)."""
    headers = Headers((name.decode("latin-1").lower(), value.decode("latin-1")) for name, value in scope["headers"])
    query = scope.get("query_string", b"").decode("latin-1")
    client = scope.get("client")
    return RequestInfo(cookies=cookie_parser(headers.get("cookie", "")), headers=headers,
                       path=scope.get("path", "") + (f"?{query}" if query else ""),
                       remote=client[0] if client else None)


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
    """One event's response (an ASGI app)."""

    def __init__(self, chain: Chain, seq: int, attributes: dict[str, Any] | None = None,
                 receive: Receive | None = None):
        self.chain = chain
        self.receive = receive  # the request's, read to its end: what comes next is the client going away
        self.gone: asyncio.Future | None = None  # watches for that, from the first wait on a running callback
        self.abandoned = False
        self.seq = seq
        self.began = time.perf_counter()
        self.attributes = attributes or {}
        self.held: list[bytes | memoryview] = []  # lines waiting for the headers
        self.cookies: list[str] = []
        self.headers: dict[str, str] = {}
        self.timings: list[str] = []
        self.opened = False  # the headers are sent, or being sent by `opening`
        self.opening: asyncio.Task | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not telemetry.enabled():
            return await self._respond(send)
        # One span per event; the engine's callback spans open inside it, so they are its children.
        with telemetry.span("propwire event", {"propwire.seq": self.seq, **self.attributes}):
            await self._respond(send)

    async def _respond(self, send: Send) -> None:
        chain = self.chain
        timer: asyncio.TimerHandle | None = None
        try:
            batch = chain.advance()
            while True:
                if self.opened:
                    await self._stream(send, batch)
                elif self._hold(batch):
                    self.opened = True
                    await self._open(send)
                elif timer is None and not batch.last:  # a callback is still running: the hold starts to count
                    delay = max(0.0, HOLD_SECONDS - (time.perf_counter() - self.began))
                    timer = asyncio.get_running_loop().call_later(delay, self._hold_over, send)
                if batch.last:
                    break
                if not await self._wait(chain):
                    return  # the client went away: the finally cancels what runs, nothing new starts
                batch = chain.advance()
        finally:
            if timer is not None:
                timer.cancel()
            if self.gone is not None:
                self.gone.cancel()
            if self.opening is not None:  # the response failed while the headers were going out
                self.opening.cancel()
                self.opening.add_done_callback(lambda task: task.cancelled() or task.exception())
            chain.cancel()
        done = dumps({"done": {"seq": self.seq}}) + b"\n"
        if not self.opened:  # the whole answer is known: one body
            self.held.append(done)
            body = b"".join(self.held)  # one copy of a body that may be megabytes
            await send({"type": "http.response.start", "status": 200,
                        "headers": self._head() + [(b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        await self._opened()
        await send({"type": "http.response.body", "body": done, "more_body": False})

    async def _wait(self, chain: Chain) -> bool:
        """Until a running callback finishes (True), or the client disconnects first (False): a tab closed or
        navigated away mid-chain abandons its event, and the callbacks it has not started never start."""
        if self.receive is None:
            await chain.wait()
            return True
        if self.gone is None:  # only chains that wait pay for the watch
            self.gone = asyncio.ensure_future(_disconnected(self.receive))
        waiter = asyncio.ensure_future(chain.wait())
        await asyncio.wait((waiter, self.gone), return_when=asyncio.FIRST_COMPLETED)
        if waiter.done():
            waiter.result()
            return True
        waiter.cancel()  # asyncio.wait inside leaves the callbacks' tasks alone; the finally cancels them
        self.abandoned = True
        return False

    def _hold(self, batch: Batch) -> bool:
        """Keep a batch back for the headers; whether they may go now (a callback finished, more is coming)."""
        finished = False
        for step in batch.steps:
            encode_line(step.line, self.held)
            if step.call is not None:
                self._collect(step.call)
                finished = True
        return finished and not batch.last

    def _hold_over(self, send: Send) -> None:
        """The first callback is slow: the headers and the lines so far go now (the plan says what is pending)."""
        if not self.opened:
            self.opened = True
            self.opening = asyncio.ensure_future(self._open(send))

    async def _open(self, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": self._head()})
        body, self.held = b"".join(self.held), []
        await send({"type": "http.response.body", "body": body, "more_body": True})

    async def _opened(self) -> None:
        if self.opening is not None:
            opening, self.opening = self.opening, None
            await opening

    async def _stream(self, send: Send, batch: Batch) -> None:
        await self._opened()
        out: list[bytes | memoryview] = []
        for step in batch.steps:
            if step.call is not None and step.call.response.cookies:
                token = cookie_token.seal(list(step.call.response.cookies), self.seq)
                out.append(dumps({"cookies": {"token": token}}) + b"\n")
            encode_line(step.line, out)
        await send({"type": "http.response.body", "body": b"".join(out), "more_body": True})

    def _head(self) -> list[tuple[bytes, bytes]]:
        timings = [*self.timings, f"propwire;dur={(time.perf_counter() - self.began) * 1000:.1f}"]
        raw = [(b"content-type", NDJSON), (b"cache-control", b"no-store"), (b"x-content-type-options", b"nosniff"),
               (b"server-timing", ", ".join(timings).encode())]
        raw += [(k.lower().encode(), v.encode()) for k, v in self.headers.items()]
        raw += [(b"set-cookie", c.encode()) for c in self.cookies]
        return raw

    def _collect(self, call: CallInfo) -> None:
        """A finished callback's cookies, headers and timings, for the headers still to be sent."""
        self.cookies.extend(call.response.cookies)
        self.headers.update(call.response.headers)
        for name, seconds, desc in call.timings:
            entry = f"{name};dur={seconds * 1000:.1f}"
            if desc:
                entry += ';desc="' + desc.replace('"', "'") + '"'
            self.timings.append(entry)
