"""Browser tests: Playwright drives Debian's Chromium against apps served on 127.0.0.1."""

from __future__ import annotations

import runpy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from propwire.testing.live import LiveServer
from tests.conftest import CHROMIUM, FLAGS  # noqa: F401 - the session's `browser` fixture lives there too

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed"


def load_example(name: str) -> Any:
    """A seed example's app, with the global callbacks it registered claimed by it."""
    path = SEED.parent / f"{name}.py" if "/" in name else SEED / f"{name}.py"
    app = runpy.run_path(str(path))["app"]
    app.engine
    return app


def _local_only(route: Any) -> None:
    """Tests talk to 127.0.0.1 only: every other request (a CDN stylesheet, say) is refused."""
    if route.request.url.startswith("http://127.0.0.1:"):
        route.continue_()
    else:
        route.abort()


def local_page(browser: Browser, contexts: list[Any]) -> Page:
    """A page in a fresh context (kept in `contexts`, for closing) that reaches 127.0.0.1 only. Its uncaught
    errors land in page.errors; those and its console errors in page.console_errors; every URL it requests
    in page.requested; its events in page.events (watch_events)."""
    context = browser.new_context()
    contexts.append(context)
    context.route("**/*", _local_only)
    page = context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.console_errors = []  # type: ignore[attr-defined]
    page.requested = []  # type: ignore[attr-defined]

    def page_error(exc: Any) -> None:
        page.errors.append(str(exc))  # type: ignore[attr-defined]
        page.console_errors.append(f"page error: {exc}")  # type: ignore[attr-defined]

    page.on("pageerror", page_error)
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
    page.on("request", lambda r: page.requested.append(r.url))  # type: ignore[attr-defined]
    watch_events(page)
    return page


def watch_events(page: Page) -> None:
    """Record the page's events however they travel (docs/protocol.md): page.events gets each one's URL and
    body (a POST's, or a message on the event socket), page.answers the bytes of each socket frame that
    answered one (its `<seq>\n` cut off), page.sockets the URL of each socket it opened."""
    page.events, page.answers, page.sockets = [], [], []  # type: ignore[attr-defined]

    def request(r: Any) -> None:
        if r.method == "POST" and r.url.split("?")[0].endswith("/_propwire/event"):
            page.events.append((r.url, r.post_data_buffer or b""))  # type: ignore[attr-defined]

    def socket(ws: Any) -> None:
        page.sockets.append(ws.url)  # type: ignore[attr-defined]
        ws.on("framesent", lambda p: page.events.append((ws.url, p.encode() if isinstance(p, str) else p)))  # type: ignore[attr-defined]
        ws.on("framereceived", lambda p: page.answers.append(  # type: ignore[attr-defined]
            (p.encode() if isinstance(p, str) else p).partition(b"\n")[2]))

    page.on("request", request)
    page.on("websocket", socket)


@pytest.fixture
def open_app(browser: Browser) -> Iterator[Callable[..., Page]]:
    """open_app(app_or_example_name, path="/", ready=None) -> a Playwright page on it (a local_page), once its
    initial callbacks are in and, if given, the `ready` selector is on the page; page.url_base is the server's."""
    servers: list[LiveServer] = []
    contexts: list[Any] = []

    def open_(app: Any, path: str = "/", ready: str | None = None) -> Page:
        if isinstance(app, str):
            app = load_example(app)
        server = LiveServer(app.server)
        servers.append(server)
        page = local_page(browser, contexts)
        page.url_base = server.url  # type: ignore[attr-defined]
        page.goto(server.url + path)
        if ready is not None:
            page.wait_for_selector(ready, timeout=15_000)
        wait_idle(page)
        return page

    yield open_
    for context in contexts:
        context.close()
    for server in servers:
        server.stop()


def wait_idle(page: Page, timeout: float = 15_000) -> None:
    """Wait until the page has loaded and no event stream or follow-up is running."""
    page.wait_for_function("() => document.body && document.body.dataset.pwReady === '1' && !document.body.dataset.pwBusy",
                           timeout=timeout)
