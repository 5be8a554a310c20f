"""An httpx transport that calls an ASGI app in this process and hands its response body over as it is sent.

httpx's own ASGITransport waits for the whole body; the headless client needs each stream line when the
server writes it, as a browser gets it: a background job's `job` and `progress` lines arrive while the job
runs, so a cancel Input can name the job, and closing the response is the page going away. Example::

    client = httpx.AsyncClient(transport=StreamingASGITransport(app.server), base_url="http://127.0.0.1")
    async with client.stream("POST", "/_propwire/event", content=body) as response:
        async for chunk in response.aiter_raw():
            ...
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import unquote

import httpx


class StreamingASGITransport(httpx.AsyncBaseTransport):
    """Each request is one call of the ASGI app; the response returns at its start, its body follows."""

    def __init__(self, app: Any):
        self.app = app

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": request.method,
                 "headers": [(k.lower(), v) for k, v in request.headers.raw], "scheme": request.url.scheme,
                 "path": unquote(request.url.path), "raw_path": request.url.raw_path.split(b"?")[0],
                 "query_string": request.url.query, "server": ("127.0.0.1", request.url.port or 80),
                 "client": ("127.0.0.1", 50000), "root_path": ""}
        call = _Call(body)
        call.task = asyncio.ensure_future(call.run(self.app, scope))
        start = await call.started
        return httpx.Response(start["status"], headers=start.get("headers", []), stream=call, request=request)


class _Call(httpx.AsyncByteStream):
    """One ASGI call: the request body in, the response start and body chunks out; closed: the client left."""

    def __init__(self, body: bytes):
        self.body: bytes | None = body
        loop = asyncio.get_running_loop()
        self.started: asyncio.Future = loop.create_future()
        self.chunks: asyncio.Queue = asyncio.Queue()
        self.gone = asyncio.Event()
        self.task: asyncio.Task | None = None

    async def run(self, app: Any, scope: dict[str, Any]) -> None:
        try:
            await app(scope, self.receive, self.send)
        except BaseException as exc:
            if not self.started.done():
                self.started.set_exception(exc)
            self.chunks.put_nowait(exc)
            raise
        finally:
            if not self.started.done():
                self.started.set_exception(RuntimeError("the app sent no response"))
            self.chunks.put_nowait(None)

    async def receive(self) -> dict[str, Any]:
        if self.body is not None:
            body, self.body = self.body, None
            return {"type": "http.request", "body": body, "more_body": False}
        await self.gone.wait()
        return {"type": "http.disconnect"}

    async def send(self, message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            self.started.set_result(message)
        elif message["type"] == "http.response.body":
            if message.get("body"):
                self.chunks.put_nowait(message["body"])
            if not message.get("more_body", False):
                self.chunks.put_nowait(None)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while True:
            chunk = await self.chunks.get()
            if chunk is None:
                return
            if isinstance(chunk, BaseException):
                raise chunk
            yield chunk

    async def aclose(self) -> None:
        """The client closed the response: the app's next receive() is the disconnect."""
        self.gone.set()
        if self.task is not None and not self.task.done():
            try:
                await asyncio.wait_for(asyncio.shield(self.task), timeout=10)
            except BaseException:  # noqa: BLE001 - the app's own failure after the client left is not ours
                pass


async def response_body(response: httpx.Response) -> Any:
    """A 200 answer's body as an async iterator of its chunks (closing the response when done or dropped);
    another status's body as bytes, whole."""
    if response.status_code != 200:
        data = await response.aread()
        await response.aclose()
        return data

    async def chunks() -> AsyncIterator[bytes]:
        try:
            async for chunk in response.aiter_raw():
                yield chunk
        finally:
            await response.aclose()

    return chunks()


def complete_prefix(data: bytes) -> int:
    """How many bytes of a stream body hold whole lines (with the raw texts that follow their line): what can
    be read now (propwire.protocol.wire.read_body); the rest waits for more bytes."""
    import orjson

    at = 0
    while True:
        end = data.find(b"\n", at)
        if end == -1:
            return at
        nxt = end + 1
        if b'"raw":' in data[at:end]:
            try:
                line = orjson.loads(data[at:end])
                raw = next(iter(line.values())).get("raw") or {}
                nxt += sum(int(n) + 1 for n in raw.values())
            except (ValueError, AttributeError, TypeError, StopIteration):
                pass  # read_body reports it
            if nxt > len(data):
                return at
        at = nxt
