"""Helpers for driving the real ASGI app in process, over HTTP (httpx + ASGITransport), no browser."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import re
import runpy
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

import propwire.app
from propwire.protocol.wire import Unreadable, read_body

ROOT = Path(__file__).resolve().parents[2]
EVENT = "/_propwire/event"


def run(coro_factory: Callable[[], Any]) -> Any:
    """Run a coroutine to completion from sync code, in a thread of its own if this one has a loop running
    (Playwright's sync API, used by tests/browser in the same session, leaves one running)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro_factory())
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(coro_factory())).result()


class Client:
    """A synchronous face on httpx.AsyncClient: each request runs in its own event loop."""

    def __init__(self, app: Any):
        self.app = app

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app.server)
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
                return await client.request(method, url, **kwargs)

        return run(go)

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def event(self, body: Any) -> httpx.Response:
        """POST an event given as any JSON value (a dict, normally)."""
        return self.post(EVENT, content=json.dumps(body).encode(), headers={"content-type": "application/json"})


def ndjson(response: httpx.Response) -> list[dict]:
    """The lines of an event stream, each parsed (raw texts put back); the body must end with a newline."""
    assert response.text.endswith("\n"), response.text
    lines = read_body(response.content)
    assert not [line for line in lines if isinstance(line, Unreadable)], response.text[:500]
    return lines


def core(result: dict) -> dict:
    """The documented fields of a result line's body (the engine may add others, e.g. timing)."""
    return {k: result[k] for k in ("cb", "outputs", "reads", "triggered") if k in result}


def kinds(lines: list[dict]) -> list[str]:
    return [next(iter(line)) for line in lines]


def page_config(html: str) -> dict:
    match = re.search(r'<script id="_pw-config" type="application/json">(.*?)</script>', html, re.S)
    assert match, html[:500]
    return json.loads(match.group(1))


def page_pushes(html: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(r"<script(?: nonce=\"[^\"]*\")?>propwire\.push\((.*?)\)</script>", html, re.S)]


@pytest.fixture
def client() -> Callable[[Any], Client]:
    return Client


@pytest.fixture
def load_example() -> Callable[[str], Any]:
    """Load examples/seed/<name>.py and return its app, with the global callbacks it registered claimed."""

    def load(name: str) -> Any:
        propwire.app.GLOBAL_CALLBACKS.clear()  # leftovers from elsewhere must not join this app
        namespace = runpy.run_path(str(ROOT / "examples" / "seed" / f"{name}.py"))
        app = namespace["app"]
        app.engine  # claims the callbacks the example registered with the global @callback
        assert not propwire.app.GLOBAL_CALLBACKS
        return app

    return load


def asgi_get(app: Any, raw_path: str) -> tuple[int, bytes]:
    """GET a path exactly as given (no client-side normalisation of '..'), straight through ASGI."""
    scope = {"type": "http", "http_version": "1.1", "method": "GET", "scheme": "http", "path": raw_path,
             "raw_path": raw_path.encode(), "query_string": b"", "root_path": "", "server": ("127.0.0.1", 80),
             "client": ("127.0.0.1", 1234), "headers": [(b"host", b"127.0.0.1")]}
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    run(lambda: app.server(scope, receive, send))
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


async def asgi_post(app: Any, path: str, body: bytes, content_type: bytes = b"application/json") -> tuple[int, dict, bytes]:
    """POST straight through ASGI (no HTTP client: thousands of fuzz cases a second). Returns status, headers
    (lower-cased names; repeated ones joined with ', ') and body. The receive channel gives the body, then
    waits as a client that stays connected does."""
    scope = {"type": "http", "http_version": "1.1", "method": "POST", "scheme": "http", "path": path,
             "raw_path": path.encode(), "query_string": b"", "root_path": "", "server": ("127.0.0.1", 80),
             "client": ("127.0.0.1", 1234),
             "headers": [(b"host", b"127.0.0.1"), (b"content-type", content_type),
                         (b"content-length", str(len(body)).encode())]}
    sent: list[dict] = []
    given = False

    async def receive() -> dict:
        nonlocal given
        if given:
            await asyncio.Event().wait()  # connected until the response is over (then cancelled)
        given = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    await app.server(scope, receive, send)
    headers: dict[str, str] = {}
    for name, value in sent[0].get("headers", []):
        key = name.decode("latin-1").lower()
        headers[key] = f"{headers[key]}, {value.decode('latin-1')}" if key in headers else value.decode("latin-1")
    return sent[0]["status"], headers, b"".join(m.get("body", b"") for m in sent[1:])


class LoopThread:
    """An event loop running in a thread of its own, for tests that push thousands of coroutines through it
    from sync code: the test's own thread may hold Playwright's loop (tests/browser in the same session).

    Example::

        loop = LoopThread()
        status, headers, body = loop.run(asgi_post(app, "/_propwire/event", b"{}"))
        loop.close()
    """

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="test-loop", daemon=True)
        self._thread.start()

    def run(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result()

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join()
        self.loop.close()

