"""The event endpoint's response: NDJSON lines, written batch by batch as the engine produces them.

The headers wait for the first finished callback, so its cookies and Server-Timing entries can be in them,
but never longer than HOLD_SECONDS (a timer, not a task per step: most events never need it). An event whose
chain finishes within the hold is one body with a Content-Length; a longer one streams, each batch in one
write, cookies set after the headers as a `cookies` line (docs/protocol.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any, AsyncIterator

from starlette.types import Receive, Scope, Send

from . import telemetry
from .engine import Batch, Step
from .serialize import dumps

NDJSON = b"application/x-ndjson"
HOLD_SECONDS = 0.05


class EventStream:
    """One event's response (an ASGI app)."""

    def __init__(self, batches: AsyncIterator[Batch], seq: int, attributes: dict[str, Any] | None = None):
        self.batches = batches
        self.seq = seq
        self.began = time.perf_counter()
        self.attributes = attributes or {}
        self.held: list[bytes] = []  # lines waiting for the headers
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
        timer = asyncio.get_running_loop().call_later(HOLD_SECONDS, self._hold_over, send)
        try:
            async with contextlib.aclosing(self.batches) as batches:
                async for batch in batches:
                    if self.opened:
                        await self._stream(send, batch)
                    elif self._hold(batch):
                        self.opened = True
                        await self._open(send)
        finally:
            timer.cancel()
            if self.opening is not None:  # the response failed while the headers were going out
                self.opening.cancel()
                self.opening.add_done_callback(lambda task: task.cancelled() or task.exception())
        done = dumps({"done": {"seq": self.seq}}) + b"\n"
        if not self.opened:  # the whole answer is known: one body
            body = b"".join(self.held) + done
            await send({"type": "http.response.start", "status": 200,
                        "headers": self._head() + [(b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        await self._opened()
        await send({"type": "http.response.body", "body": done, "more_body": False})

    def _hold(self, batch: Batch) -> bool:
        """Keep a batch back for the headers; whether they may go now (a callback finished, more is coming)."""
        finished = False
        for step in batch.steps:
            self.held.append(dumps(step.line) + b"\n")
            if step.call is not None:
                self._collect(step, self.cookies, self.headers)
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
        out: list[bytes] = []
        for step in batch.steps:
            if step.call is not None and step.call.response.cookies:
                out.append(dumps({"cookies": list(step.call.response.cookies)}) + b"\n")
            out.append(dumps(step.line) + b"\n")
        await send({"type": "http.response.body", "body": b"".join(out), "more_body": True})

    def _head(self) -> list[tuple[bytes, bytes]]:
        timings = [*self.timings, f"propwire;dur={(time.perf_counter() - self.began) * 1000:.1f}"]
        raw = [(b"content-type", NDJSON), (b"cache-control", b"no-store"), (b"x-content-type-options", b"nosniff"),
               (b"server-timing", ", ".join(timings).encode())]
        raw += [(k.lower().encode(), v.encode()) for k, v in self.headers.items()]
        raw += [(b"set-cookie", c.encode()) for c in self.cookies]
        return raw

    def _collect(self, step: Step, cookies: list[str], headers: dict[str, str]) -> None:
        call = step.call
        assert call is not None
        cookies.extend(call.response.cookies)
        headers.update(call.response.headers)
        for name, seconds, desc in call.timings:
            entry = f"{name};dur={seconds * 1000:.1f}"
            if desc:
                entry += ';desc="' + desc.replace('"', "'") + '"'
            self.timings.append(entry)
