"""uvicorn's HTTP protocol with the limits it lacks: a deadline for the headers, one for the body, a header cap.

uvicorn closes idle keep-alive connections (`--timeout-keep-alive`) but not one that sends its headers a
byte at a time (slowloris) or stops halfway through its body, and its default parser (httptools) takes a
request header of any size, all of it held in memory. This protocol class adds, per request:

- the headers must be complete within HEADER_TIMEOUT seconds of the connection opening or of the previous
  response ending (else `408` and the connection closes);
- the body must be complete within BODY_TIMEOUT seconds of the headers (else the connection closes: the
  app's `receive()` sees `http.disconnect`; the event endpoint answers nothing);
- the request line and headers may total MAX_HEADER_BYTES (else `431` and the connection closes), checked as
  the bytes arrive, so a huge header costs no more memory than the limit.

`app.run()` uses it; for a deployment, give it to uvicorn by name (docs/security.md)::

    uvicorn myapp:app.server --http propwire.web.serving:Protocol --workers 4

The limits come from the environment, so every worker uvicorn starts reads the same ones:
PROPWIRE_HEADER_TIMEOUT (seconds, default 10), PROPWIRE_BODY_TIMEOUT (seconds, default 30),
PROPWIRE_MAX_HEADER_BYTES (default 65536).
"""

from __future__ import annotations

import asyncio
import os

try:
    from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol
except ImportError as exc:  # pragma: no cover - uvicorn[standard], a dependency, brings httptools
    raise ImportError("propwire.web.serving needs httptools (pip install 'uvicorn[standard]')") from exc


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name, "")
    try:
        value = float(raw) if raw else default
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a number") from None
    if value <= 0:
        raise ValueError(f"{name} must be above 0, got {raw!r}")
    return value


HEADER_TIMEOUT = _env_number("PROPWIRE_HEADER_TIMEOUT", 10.0)
BODY_TIMEOUT = _env_number("PROPWIRE_BODY_TIMEOUT", 30.0)
MAX_HEADER_BYTES = int(_env_number("PROPWIRE_MAX_HEADER_BYTES", 65536))


class _HeadersTooLarge(Exception):
    """Raised from a parser callback to stop parsing; the protocol answers 431."""


class Protocol(HttpToolsProtocol):
    """uvicorn's httptools protocol plus header/body deadlines and a header size cap (see the module doc)."""

    header_timeout = HEADER_TIMEOUT
    body_timeout = BODY_TIMEOUT
    max_header_bytes = MAX_HEADER_BYTES

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._deadline: asyncio.TimerHandle | None = None
        self._in_headers = True
        self._raw = self._parsed = 0
        self._too_large = False
        self._arm(self.header_timeout, self._headers_late)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self, seconds: float, then: object) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(seconds, then)  # type: ignore[arg-type]

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _headers_late(self) -> None:
        self._deadline = None
        if self.transport.is_closing():
            return
        if self.cycle is not None and not self.cycle.response_complete:  # a response is under way: no 408
            self.transport.close()
        else:
            self._reply_and_close(408, "the request's headers did not arrive in time")

    def _body_late(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.logger.warning("closing a connection whose request body did not arrive in time")
            self.transport.close()

    def _reply_and_close(self, status: int, message: str) -> None:
        body = message.encode()
        self.transport.write(b"".join([STATUS_LINE[status], b"content-type: text/plain; charset=utf-8\r\n",
                                       b"content-length: ", str(len(body)).encode(), b"\r\n",
                                       b"connection: close\r\n\r\n", body]))
        self.transport.close()

    def data_received(self, data: bytes) -> None:
        if self._in_headers:
            self._raw += len(data)
        super().data_received(data)
        # still reading headers after this chunk and already over the cap: stop before buffering more
        if self._in_headers and self._raw > self.max_header_bytes and not self.transport.is_closing():
            self._reply_and_close(431, f"request headers over {self.max_header_bytes} bytes")

    def send_400_response(self, msg: str) -> None:
        if self._too_large:  # the parser stopped because a callback below raised _HeadersTooLarge
            return self._reply_and_close(431, f"request headers over {self.max_header_bytes} bytes")
        super().send_400_response(msg)

    def _count(self, size: int) -> None:
        self._parsed += size
        if self._parsed > self.max_header_bytes:
            self._too_large = True
            raise _HeadersTooLarge

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._deadline is None:  # a pipelined request: its own header deadline
            self._arm(self.header_timeout, self._headers_late)

    def on_url(self, url: bytes) -> None:
        self._count(len(url))
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count(len(name) + len(value) + 4)
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._in_headers = False
        self._raw = self._parsed = 0
        self._disarm()
        if not self.parser.should_upgrade():  # a WebSocket upgrade hands the connection on: no body
            self._arm(self.body_timeout, self._body_late)
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._disarm()
        self._in_headers = True  # what comes next on this connection is the next request's headers
        super().on_message_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        idle = self.cycle is None or self.cycle.response_complete  # else a pipelined request just started
        if idle and not self.transport.is_closing() and self._deadline is None:
            self._arm(self.header_timeout, self._headers_late)  # the next request on this connection
