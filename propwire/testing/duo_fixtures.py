"""Dash's fixture names on propwire: `dash_duo`, `dash_br`, `dash_thread_server` (propwire/testing/duo.py).

Registered by propwire's pytest plugin at configure time, so they take precedence over Dash's plugin of the same
names when Dash is installed too (docs/testing.md, "Running Dash's dash_duo tests").
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture
def dash_thread_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """dash_thread_server(app, **run_options): serve an app on 127.0.0.1 in a thread; `.url`; stopped at teardown.

    The apps a test makes get no default stylesheet (PROPWIRE_DEFAULT_STYLESHEET=0 for the test, unless the
    variable is set already): these are Dash's tests, written against Dash's unstyled page, whose sizes and
    places they may measure; an app's own `default_stylesheet=True` still wins (docs/app.md)."""
    from propwire.testing.duo import ThreadServer

    if "PROPWIRE_DEFAULT_STYLESHEET" not in os.environ:
        monkeypatch.setenv("PROPWIRE_DEFAULT_STYLESHEET", "0")

    with ThreadServer() as server:
        yield server


@pytest.fixture
def dash_br(propwire_chromium: Any, tmp_path: Any) -> Iterator[Any]:
    """Dash's `dash_br`: a DuoBrowser (a window in Chromium) with no server of its own."""
    from propwire.testing.duo import DuoBrowser

    with DuoBrowser(propwire_chromium, download_path=str(tmp_path / "download")) as browser:
        yield browser


@pytest.fixture
def dash_duo(dash_thread_server: Any, propwire_chromium: Any, tmp_path: Any) -> Iterator[Any]:
    """Dash's `dash_duo`: `dash_duo.start_server(app)` serves the app and opens it in Chromium; the Browser API
    (find_element, wait_for_text_to_equal, get_logs, ...) acts on it."""
    from propwire.testing.duo import DuoComposite

    with DuoComposite(dash_thread_server, propwire_chromium, download_path=str(tmp_path / "download")) as duo:
        yield duo


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """When a dash_duo test fails, save what the window showed (take_snapshot, into the test's tmp folder's
    download/), as Dash's plugin does, so a failure on CI can be looked at."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    duo = getattr(item, "funcargs", {}).get("dash_duo")
    if report.when == "call" and report.failed and duo is not None:
        try:
            duo.take_snapshot(item.name)
        except Exception as exc:  # a broken window must not hide the test's own failure
            report.sections.append(("dash_duo snapshot", f"no snapshot: {exc}"))
