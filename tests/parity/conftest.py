"""One headless Chromium for the whole parity session, driven by Playwright's async API on a private loop thread."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent


class Session:
    """The browser, the loop it lives on, and the traces taken so far (propwire's is shared by both tests)."""

    def __init__(self) -> None:
        from playwright.async_api import async_playwright

        from propwire.testing.loop import LoopThread

        from .runner import CHROMIUM, FLAGS

        self.loop = LoopThread("parity-chromium")
        self.traces: dict[tuple[str, str], Any] = {}
        self.order: list[tuple[str, tuple[str, ...]]] = []  # (app, frameworks) in the order the tests run
        self.ahead: dict[str, Any] = {}  # app -> its servers, started while the app before it runs

        async def start() -> tuple[Any, Any]:
            pw = await async_playwright().start()
            return pw, await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)

        self.playwright, self.browser = self.loop.call(start)

    def traces_of(self, name: str, frameworks: tuple[str, ...]) -> dict[str, Any]:
        """Browser traces of the app on these frameworks, taken together; kept for the session."""
        from .runner import dash_and_propwire

        missing = tuple(fw for fw in frameworks if (name, fw) not in self.traces)
        if missing:
            servers = self._take_ahead(name, missing)
            self._start_next(name)
            for fw, trace in self.loop.call(dash_and_propwire, self.browser, name, missing, servers).items():
                self.traces[(name, fw)] = trace
        return {fw: self.traces[(name, fw)] for fw in frameworks}

    def _take_ahead(self, name: str, frameworks: tuple[str, ...]) -> Any:
        servers = self.ahead.pop(name, None)
        if servers is not None and tuple(servers) != frameworks:
            for server in servers.values():
                server.stop()
            servers = None
        return servers

    def _start_next(self, name: str) -> None:
        """Start the servers of the next app the session will need, so its start-up overlaps this app's run."""
        from .runner import start_servers

        for app, frameworks in self.order:
            needed = tuple(fw for fw in frameworks if (app, fw) not in self.traces)
            if app == name or not needed:
                continue
            if app not in self.ahead:
                self.ahead[app] = start_servers(app, needed)
            return

    def close(self) -> None:
        for servers in self.ahead.values():
            for server in servers.values():
                server.stop()
        try:
            self.loop.call(self.browser.close)
            self.loop.call(self.playwright.stop)
        finally:
            self.loop.close()


_ORDER: list[tuple[str, tuple[str, ...]]] = []


def pytest_collection_modifyitems(items: list[Any]) -> None:
    """Remember which apps the selected tests need, in order, so each app's servers can start ahead of it."""
    _ORDER.clear()
    for item in items:
        spec = getattr(item, "callspec", None)
        test = getattr(item, "originalname", "")
        if spec is None or "name" not in spec.params or not test.startswith("test_"):
            continue
        frameworks = ("dash", "propwire") if test == "test_dash_vs_propwire" else ("propwire",)
        _ORDER.append((spec.params["name"], frameworks))


@pytest.fixture(scope="session")
def parity() -> Iterator[Session]:
    if not os.access(os.environ.get("PROPWIRE_CHROMIUM", "/usr/bin/chromium"), os.X_OK):
        pytest.fail("Chromium not found at /usr/bin/chromium (scripts/test installs it)")
    session = Session()
    session.order = list(_ORDER)
    try:
        yield session
    finally:
        session.close()
