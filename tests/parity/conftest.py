"""One headless Chromium for the whole parity session, driven by Playwright's async API on a private loop thread."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # runner, drivers, snapshot, serve, known: plain modules next to the tests


class Session:
    """The browser, the loop it lives on, and the traces taken so far (propwire's is shared by both tests)."""

    def __init__(self) -> None:
        from playwright.async_api import async_playwright

        from propwire.testing.loop import LoopThread
        from runner import CHROMIUM, FLAGS

        self.loop = LoopThread("parity-chromium")
        self.traces: dict[tuple[str, str], Any] = {}

        async def start() -> tuple[Any, Any]:
            pw = await async_playwright().start()
            return pw, await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)

        self.playwright, self.browser = self.loop.call(start)

    def traces_of(self, name: str, frameworks: tuple[str, ...]) -> dict[str, Any]:
        """Browser traces of the app on these frameworks, taken together; kept for the session."""
        from runner import dash_and_propwire

        missing = tuple(fw for fw in frameworks if (name, fw) not in self.traces)
        if missing:
            for fw, trace in self.loop.call(dash_and_propwire, self.browser, name, missing).items():
                self.traces[(name, fw)] = trace
        return {fw: self.traces[(name, fw)] for fw in frameworks}

    def close(self) -> None:
        try:
            self.loop.call(self.browser.close)
            self.loop.call(self.playwright.stop)
        finally:
            self.loop.close()


@pytest.fixture(scope="session")
def parity() -> Iterator[Session]:
    if not os.access(os.environ.get("PROPWIRE_CHROMIUM", "/usr/bin/chromium"), os.X_OK):
        pytest.fail("Chromium not found at /usr/bin/chromium (scripts/test installs it)")
    session = Session()
    try:
        yield session
    finally:
        session.close()
