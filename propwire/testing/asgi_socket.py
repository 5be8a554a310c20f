"""The event socket spoken in process: the headless client's events as WebSocket messages to the ASGI app.

`Client(app, transport="socket")` sends its events this way, as the page does by default
(docs/protocol.md, the event socket), so a test can check that an app behaves the same over either
transport: each message is the POST body, the answer the same lines, in frames `<seq>\\n<bytes>`. Like the
page, it opens the socket at the first event with the cookies of that moment, opens a new one once its
cookies change (`renew`), and sends an event the socket closed on before answering as a POST. Example::

    socket = AsgiEventSocket(app.server, "/_propwire/ws", cookies=lambda: "theme=dark")
    status, body = await socket.event(b'{"seq": 1, ...}')   # 200 and its chunks, or a 4xx and its JSON
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import unquote

import orjson

from propwire.protocol.lines import done_line

_CLOSED = object()  # the socket closed: what a waiting event gets


class Unanswered(Exception):
    """The socket closed (or refused to open) before this event's answer began: send it another way."""


class AsgiEventSocket:
    """One socket to an ASGI app's event socket route, opened on first use."""

    def __init__(self, app: Any, path: str, cookies: Callable[[], str]):
        self.app, self.path, self.cookies = app, path, cookies
        self.inbox: asyncio.Queue | None = None  # what the app receives
        self.waiting: dict[int, asyncio.Queue] = {}
        self.task: asyncio.Task | None = None
        self.reader: asyncio.Task | None = None
        self.stale = False

    def renew(self) -> None:
        """The cookies changed: the next event goes over a new socket (or as a POST while this one answers)."""
        self.stale = True

    async def event(self, body: bytes) -> tuple[int, Any]:
        """Send one event; (200, an async iterator of its answer's chunks) or (4xx, the refusal's JSON)."""
        if self.stale:
            if self.waiting:
                raise Unanswered("the socket's cookies are old and it still answers events")
            await self.close()
            self.stale = False
        if self.task is None:
            await self._open()
        seq = orjson.loads(body)["seq"]
        queue: asyncio.Queue = asyncio.Queue()
        self.waiting[seq] = queue
        assert self.inbox is not None
        self.inbox.put_nowait({"type": "websocket.receive", "text": body.decode()})
        first = await queue.get()
        if first is _CLOSED:
            self.waiting.pop(seq, None)
            raise Unanswered("the event socket closed before answering")
        if isinstance(first, tuple):  # a refusal
            self.waiting.pop(seq, None)
            return first
        return 200, self._chunks(seq, queue, first)

    async def _chunks(self, seq: int, queue: asyncio.Queue, first: bytes) -> AsyncIterator[bytes]:
        end = done_line(seq)
        chunk: Any = first
        try:
            while True:
                if chunk is _CLOSED:
                    raise ConnectionError("the event socket closed mid-answer")
                yield chunk
                if chunk.endswith(end):  # the done line ends the stream's last frame (event_endpoint.py)
                    return
                chunk = await queue.get()
        finally:
            self.waiting.pop(seq, None)

    async def _open(self) -> None:
        scope = {"type": "websocket", "asgi": {"version": "3.0"}, "scheme": "ws", "path": unquote(self.path),
                 "raw_path": self.path.encode(), "query_string": b"", "root_path": "",
                 "headers": [(b"host", b"127.0.0.1"), (b"origin", b"http://127.0.0.1"),
                             *([(b"cookie", self.cookies().encode("latin-1"))] if self.cookies() else [])],
                 "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 50001), "subprotocols": []}
        inbox: asyncio.Queue = asyncio.Queue()
        outbox: asyncio.Queue = asyncio.Queue()
        inbox.put_nowait({"type": "websocket.connect"})
        self.inbox = inbox
        self.task = asyncio.ensure_future(self.app(scope, inbox.get, outbox.put))
        opened = await outbox.get()
        if opened["type"] != "websocket.accept":
            await self.close()
            raise Unanswered(f"the event socket was refused ({opened.get('code')})")
        self.reader = asyncio.ensure_future(self._read(outbox))

    async def _read(self, outbox: asyncio.Queue) -> None:
        while True:
            message = await outbox.get()
            if message["type"] == "websocket.close":
                break
            if message.get("text") is not None:
                refusal = orjson.loads(message["text"])
                queue = self.waiting.get(refusal.get("seq"))
                if queue is not None:
                    queue.put_nowait((refusal["status"], message["text"].encode()))
                continue
            seq, _, chunk = message["bytes"].partition(b"\n")
            queue = self.waiting.get(int(seq))
            if queue is not None:
                queue.put_nowait(chunk)
        self._closed()

    def _closed(self) -> None:
        for queue in self.waiting.values():
            queue.put_nowait(_CLOSED)
        self.task = self.reader = self.inbox = None

    async def close(self) -> None:
        """Close the socket (the page went away): the app sees the disconnect."""
        task, reader, inbox = self.task, self.reader, self.inbox
        if task is None:
            return
        if inbox is not None:
            inbox.put_nowait({"type": "websocket.disconnect", "code": 1000})
        with contextlib.suppress(BaseException):
            await asyncio.wait_for(asyncio.shield(task), timeout=10)
        if reader is not None:
            reader.cancel()
        self._closed()
