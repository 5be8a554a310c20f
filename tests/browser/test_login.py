"""A login flow in a real browser, for both examples of docs/auth.md: the page sends a visitor to the login
form, signing in brings the app (its callbacks know the user), and after signing out the page and its events
are refused again."""

from __future__ import annotations

import runpy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from propwire.testing.live import LiveServer

from .conftest import local_page, wait_idle

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "auth"


@pytest.fixture
def served(browser: Browser) -> Iterator[Any]:
    """served(example) -> (page, base URL): the example's app on a live server, a fresh browser context."""
    servers: list[LiveServer] = []
    contexts: list[Any] = []

    def serve(name: str) -> tuple[Page, str]:
        app = runpy.run_path(str(EXAMPLES / f"{name}.py"))["app"]
        server = LiveServer(app.server)
        servers.append(server)
        return local_page(browser, contexts), server.url

    yield serve
    for context in contexts:
        context.close()
    for server in servers:
        server.stop()


def sign_in(page: Page, base: str, password: str) -> None:
    page.goto(base + "/")
    assert page.url == base + "/login"  # the page redirected to the login form
    page.fill("#user", "ann")
    page.fill("#password", password)
    page.click("#sign-in")


@pytest.mark.parametrize("example", ["flask_login_app", "plain_login"])
def test_sign_in_use_the_app_and_sign_out(served, example):
    page, base = served(example)
    sign_in(page, base, "wrong")
    page.wait_for_selector("#sign-in")
    assert page.url == base + "/login"
    sign_in(page, base, "ann-password")
    page.wait_for_selector("#hello:has-text('Hello ann')", timeout=15_000)
    wait_idle(page)
    page.click("#count")
    page.wait_for_selector("#clicks:has-text('ann clicked 1')", timeout=15_000)
    bad = page.request.post(base + "/_propwire/event", data="{}", headers={"content-type": "application/json"})
    assert bad.status == 400  # signed in, a malformed event passes the gate and the endpoint refuses it
    page.click("#sign-out")
    page.wait_for_url(base + "/login", timeout=15_000)
    events = page.request.post(base + "/_propwire/event", data="{}", headers={"content-type": "application/json"})
    assert events.status == 401  # the browser's cookies no longer let an event through
    page.goto(base + "/")
    assert page.url == base + "/login"
    assert not page.errors, page.errors
