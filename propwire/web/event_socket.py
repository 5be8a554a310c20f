"""The event socket (WebSocket /_propwire/ws): the page's events as messages, their answers as binary frames.

Why a second transport: a fetch POST round trip in a browser costs several times a WebSocket message's, and
that is most of what a click costs. The socket changes only how bytes travel, not what they say:

- each message from the page is an event exactly as a POST body is (it carries its own read set), so the
  server keeps nothing between messages but the open socket, and any worker can take any socket;
- the answer is the same NDJSON stream lines a POST gets, in binary frames of `<seq>\\n<bytes>`, so the
  page demultiplexes the events of one socket by seq and reads each with the same reader as a POST body
  (several events may be in flight; a long answer comes in several frames);
- what a POST would get as a 4xx comes as a text frame `{"seq": N, "status": 4xx, "error": "..."}` (the
  socket stays open for the next event);
- a callback's cookies come as `cookies` lines (there are no response headers to put them in), which the
  page exchanges at the cookies endpoint for real Set-Cookie headers, as for a streamed POST answer.

The handshake is refused (closed with 1008 before it is accepted) for another site's Origin, as a
cross-site POST is. An app with an auth hook or a Flask server's before_request (auth.py) has no socket: those guards see
each POST with the cookies of the moment, a socket only at its handshake. A socket runs
at most MAX_IN_FLIGHT events at once (the page sends more over HTTP; a message past it gets a 429), and each
frame waits until the socket has taken the last, so a tab that reads slowly holds its events' tasks, not an
ever-growing buffer in the server. A socket with no
event for IDLE_SECONDS is closed (the page opens a new one at its next event); uvicorn's pings (every 20 s
by default) find a page that went away without closing; the page's own heartbeat (a `{"ping": n}` message while
its events wait and nothing came for a while, answered at once with `{"pong": n}`) finds a server that did. When the socket closes, the events it still runs
are abandoned as a POST's are when its client goes away: their callbacks are cancelled, nothing new starts.

Example::

    WebSocketRoute("/_propwire/ws", EventSocket(lambda: engine, Limits()))
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import replace

from starlette.types import Message, Receive, Scope, Send

from propwire.api.context import Headers
from propwire.api.exceptions import BadEvent
from propwire.api.serialize import dumps, loads
from propwire.web import request_guard
from propwire.web.event_endpoint import event_stream, request_info
from propwire.web.spec import EngineProvider, Limits

SOCKET_PATH = "/_propwire/ws"
MAX_IN_FLIGHT = 8
IDLE_SECONDS = 300.0
POLICY_VIOLATION = 1008  # the WebSocket close code for "refused": another site, or the auth gate said no
log = logging.getLogger("propwire")


class EventSocket:
    """The ASGI app of the event socket, for one engine, under the limits' origin rule and event size.

    Example::

        Server(routes=[WebSocketRoute(SOCKET_PATH, EventSocket(lambda: engine, Limits()))])
    """

    def __init__(self, engine: EngineProvider, limits: Limits, on: Callable[[], bool] = lambda: True):
        self.engine = engine
        self.limits = limits
        self.on = on  # False: the app sends its events as POSTs (turned off, or guarded: server.py)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (await receive())["type"] != "websocket.connect":
            return
        if not self.on():
            return await send({"type": "websocket.close", "code": POLICY_VIOLATION, "reason": "events are POSTs"})
        if refused := request_guard.refuse_post(scope, self.limits.allowed_origins):
            log.info("event socket refused: %s", refused[1])
            return await send({"type": "websocket.close", "code": POLICY_VIOLATION, "reason": "cross-site"})
        await send({"type": "websocket.accept"})
        await _Session(self, scope, receive, send).serve()


class _Session:
    """One open socket: reads every message as it comes (so a page that goes away is seen at once), answers
    each event in a task of its own, and refuses one past MAX_IN_FLIGHT with a 429."""

    def __init__(self, owner: EventSocket, scope: Scope, receive: Receive, send: Send):
        self.owner, self.scope, self.receive, self.raw_send = owner, scope, receive, send
        self.tasks: set[asyncio.Task] = set()
        self.sending = asyncio.Lock()  # one frame at a time: frames of concurrent events never interleave
        self.request = request_info(scope)  # the handshake's cookies and headers: the same for every event

    async def serve(self) -> None:
        try:
            while True:
                message = await self._next()
                if message is None:  # idle: closed by us
                    return await self.raw_send({"type": "websocket.close", "code": 1000, "reason": "idle"})
                if message["type"] == "websocket.disconnect":
                    return
                data = message.get("bytes") or (message.get("text") or "").encode()
                if (pong := _pong(data)) is not None:  # the page's heartbeat: answered now, whatever runs
                    task = asyncio.ensure_future(self._send({"type": "websocket.send", "text": pong}))
                elif len(self.tasks) >= MAX_IN_FLIGHT:  # the page keeps within it: a client that does not is told
                    exc = BadEvent(f"more than {MAX_IN_FLIGHT} events in flight on one socket", 429)
                    task = asyncio.ensure_future(self._refuse(data, exc))
                else:
                    task = asyncio.ensure_future(self._answer(data))
                self.tasks.add(task)
                task.add_done_callback(self._ended)
        finally:
            for task in self.tasks:  # the page went away: what still runs is abandoned
                task.cancel()

    async def _next(self) -> Message | None:
        """The next message; None once IDLE_SECONDS passed with no message and no event running.

        The receive is awaited right here under a timeout, not as a task of its own with asyncio.wait: this is
        on every message's path. A receive the timeout cancels loses nothing (the server's receive is a queue's
        get), and is asked again while events still run."""
        while True:
            try:
                async with asyncio.timeout(IDLE_SECONDS):
                    return await self.receive()
            except TimeoutError:
                if not self.tasks:
                    return None

    def _ended(self, task: asyncio.Task) -> None:
        self.tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("event socket: an event's answer failed", exc_info=task.exception())

    async def _answer(self, data: bytes) -> None:
        limit = self.owner.limits.max_event_bytes
        try:
            if len(data) > limit:
                raise BadEvent(f"the event is {len(data)} bytes; the limit is {limit} (Dash(max_event_bytes=...))",
                               413)
            stream = event_stream(self.owner.engine(), data, headers=False)
        except BadEvent as exc:
            return await self._refuse(data, exc)
        stream.chain.request = replace(self.request, cookies=dict(self.request.cookies),
                                       headers=Headers(self.request.headers))  # a callback may change its copy
        prefix = b"%d\n" % stream.seq

        async def send(message: Message) -> None:  # the stream's body messages, as frames of this event
            body = message.get("body", b"")
            if body:
                await self._send({"type": "websocket.send", "bytes": prefix + body})

        await stream(self.scope, self.receive, send)

    async def _refuse(self, data: bytes, exc: BadEvent) -> None:
        """A bad event's 4xx, as a text frame naming its seq when the message says one."""
        seq = None
        with contextlib.suppress(ValueError, TypeError, AttributeError):
            seq = loads(data).get("seq") if len(data) <= self.owner.limits.max_event_bytes else None
        frame = {"seq": seq if isinstance(seq, int) else None, "status": exc.status, "error": str(exc)}
        await self._send({"type": "websocket.send", "text": dumps(frame).decode()})

    async def _send(self, message: Message) -> None:
        async with self.sending:
            await self.raw_send(message)


def _pong(data: bytes) -> str | None:
    """`{"pong": n}` for the page's heartbeat `{"ping": n}` (docs/protocol.md), None for any other message."""
    if len(data) > 40 or not data.startswith(b'{"ping"'):
        return None
    with contextlib.suppress(ValueError, TypeError):
        ping = loads(data)
        if isinstance(ping, dict) and set(ping) == {"ping"} and isinstance(ping["ping"], int):
            return dumps({"pong": ping["ping"]}).decode()
    return None
