"""`Dash(compress=True)`: gzip of the page, the event streams and the static files, chunk by chunk.

propwire's page and its event answers are streams: the first callback's result reaches the browser while the
next still runs. A compressor that buffers (gzip's default) would hold every chunk back until the end, so
each chunk here is compressed and flushed (zlib's Z_SYNC_FLUSH) on its own: the browser can decompress and
apply what arrived so far. Brotli is not offered: it needs a package propwire does not depend on.

Compressed: text, JSON, NDJSON, JavaScript and SVG answers of 500 bytes or more (or streamed), for a client
whose Accept-Encoding takes gzip; never a range (206), an answer that has its own Content-Encoding, or the
dev tools' event stream.

Example::

    Server(routes=routes, middleware=[Middleware(GzipMiddleware)])   # what build_server(compress=True) does
"""

from __future__ import annotations

import zlib

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MINIMUM_SIZE = 500
_TYPES = (b"text/html", b"text/css", b"text/plain", b"text/javascript", b"application/javascript",
          b"application/json", b"application/x-ndjson", b"image/svg+xml", b"application/manifest+json")


def accepts_gzip(scope: Scope) -> bool:
    """Whether the request's Accept-Encoding takes gzip (or `*`) with a quality above 0."""
    for name, value in scope.get("headers", []):
        if name != b"accept-encoding":
            continue
        for item in value.decode("latin-1").lower().split(","):
            coding, _, params = item.strip().partition(";")
            quality = params.strip()[2:] if params.strip().startswith("q=") else "1"
            if coding.strip() in ("gzip", "*"):
                try:
                    return float(quality) > 0
                except ValueError:
                    return False
    return False


class GzipMiddleware:
    """ASGI middleware gzipping compressible answers for clients that accept gzip (see the module doc)."""

    def __init__(self, app: ASGIApp, minimum_size: int = MINIMUM_SIZE):
        self.app, self.minimum_size = app, minimum_size

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not accepts_gzip(scope):
            return await self.app(scope, receive, send)
        await self.app(scope, receive, _Gzipping(send, self.minimum_size).send)


class _Gzipping:
    """One answer: its start is held until its first body shows whether it is worth compressing."""

    def __init__(self, send: Send, minimum_size: int):
        self.downstream, self.minimum_size = send, minimum_size
        self.start: Message | None = None
        self.compressor: zlib._Compress | None = None

    async def send(self, message: Message) -> None:
        kind = message["type"]
        if kind == "http.response.start":
            if _compressible(message):
                self.start = message
                return
        elif kind == "http.response.body" and self.start is not None:
            return await self._first_body(message)
        elif kind == "http.response.body" and self.compressor is not None:
            return await self.downstream({**message, "body": self._squeeze(message)})
        elif self.start is not None:  # pathsend, trailers: the held start goes first, uncompressed
            start, self.start = self.start, None
            await self.downstream(start)
        await self.downstream(message)

    async def _first_body(self, message: Message) -> None:
        start, self.start = self.start, None
        assert start is not None  # send() calls this only while a start is held
        body = bytes(message.get("body", b""))
        more = message.get("more_body", False)
        if not more and len(body) < self.minimum_size:
            await self.downstream(start)
            return await self.downstream(message)
        self.compressor = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # 16+: a gzip wrapper
        squeezed = self._squeeze({**message, "body": body})
        headers = [(n, v) for n, v in start.get("headers", []) if n.lower() not in (b"content-length", b"vary")]
        vary = [v for n, v in start.get("headers", []) if n.lower() == b"vary"]
        headers.append((b"vary", b", ".join([*vary, b"accept-encoding"])))
        headers.append((b"content-encoding", b"gzip"))
        if not more:
            headers.append((b"content-length", str(len(squeezed)).encode()))
        await self.downstream({**start, "headers": headers})
        await self.downstream({**message, "body": squeezed})

    def _squeeze(self, message: Message) -> bytes:
        assert self.compressor is not None
        data = self.compressor.compress(bytes(message.get("body", b"")))
        if message.get("more_body", False):
            return data + self.compressor.flush(zlib.Z_SYNC_FLUSH)  # this chunk decodable now: a stream stays one
        return data + self.compressor.flush()


def _compressible(start: Message) -> bool:
    if start.get("status") in (204, 206, 304):
        return False
    ctype = b""
    for name, value in start.get("headers", []):
        lower = name.lower()
        if lower == b"content-encoding":
            return False
        if lower == b"content-type":
            ctype = value.split(b";")[0].strip().lower()
    return ctype in _TYPES
