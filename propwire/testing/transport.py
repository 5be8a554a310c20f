"""How the headless client's events travel: as POSTs (the default), or over the event socket as the page's do.

The Client's `_post` (the runtime's way to send an event) and `_cookie_lines` (a `cookies` line's exchange)
live here, with the choice between the two transports: `Client(app, transport="socket")` sends each event
over an in-process WebSocket (asgi_socket.py) when the page names one (its config's `socketUrl`), and as a
POST when it names none, when the socket is refused or closes before answering, or while a socket whose
cookies changed still answers another event: what the renderer does (renderer/src/socket.ts).
"""

from __future__ import annotations

from typing import Any

import httpx
import orjson

from propwire.testing.asgi_socket import AsgiEventSocket, Unanswered
from propwire.testing.asgi_stream import response_body

TRANSPORTS = ("http", "socket")
BASE_URL = "http://127.0.0.1"
# What Chromium sends, so the server's request checks (request_guard.py) judge the client as the browser.
POST_HEADERS = {"content-type": "application/json", "origin": BASE_URL, "sec-fetch-dest": "empty",
                "sec-fetch-mode": "cors", "sec-fetch-site": "same-origin"}


def check_transport(transport: str) -> str:
    """`Client(transport=...)` checked.

    >>> check_transport("socket")
    'socket'
    """
    if transport not in TRANSPORTS:
        raise ValueError(f"Client(transport={transport!r}): one of {', '.join(map(repr, TRANSPORTS))}")
    return transport


class EventTransport:
    """The Client's event sending (it supplies app, transport, _http, _event_url, _cookies_url, _socket_url and
    _rt_or_fail)."""

    app: Any
    transport: str
    _http: httpx.AsyncClient
    _event_url: str
    _cookies_url: str
    _socket_url: str | None
    _socket: AsgiEventSocket | None = None

    def _rt_or_fail(self) -> Any:
        raise NotImplementedError

    async def _post(self, body: bytes) -> tuple[int, Any]:
        """An event: its status, and its body as it streams in (an error answer's body whole)."""
        if self.transport == "socket" and self._socket_url:
            try:
                return await self._socket_to(self._socket_url).event(body)
            except Unanswered:
                pass  # as the page does: the event goes as a POST
        request = self._http.build_request("POST", self._event_url, content=body, headers=POST_HEADERS)
        response = await self._http.send(request, stream=True)
        return response.status_code, await response_body(response)

    def _socket_to(self, url: str) -> AsgiEventSocket:
        if self._socket is None or self._socket.path != url:
            cookies = lambda: "; ".join(f"{k}={v}" for k, v in self._http.cookies.items())  # noqa: E731
            self._socket = AsgiEventSocket(self.app.server, url, cookies)
        return self._socket

    async def _close_socket(self) -> None:
        if self._socket is not None:
            socket, self._socket = self._socket, None
            await socket.close()

    async def _cookie_lines(self, seq: int, token: str) -> None:
        """A `cookies` line: POST its token to the cookies URL, whose Set-Cookie headers the jar takes, exactly
        as the renderer does (the client keeps no cookies of its own making, so the two cannot disagree)."""
        response = await self._http.post(self._cookies_url, content=orjson.dumps({"seq": seq, "token": token}),
                                         headers=POST_HEADERS)
        if self._socket is not None:
            self._socket.renew()  # its handshake carried the cookies of before
        if response.status_code >= 400:
            self._rt_or_fail().reports.append(
                f"Cookies of event {seq} were refused (HTTP {response.status_code}): {response.text[:200]}")
