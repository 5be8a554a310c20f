"""The pytest plugin: fixtures that open an app headless (`propwire_client`), in Chromium (`propwire_browser`),
or in each in turn (`propwire_driver`). Each gives a factory: `drive = propwire_client(app, path=None)`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

import pytest

Factory = Callable[..., Any]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: needs Chromium (/usr/bin/chromium, or $PROPWIRE_CHROMIUM)")
    # dash_duo and friends (Dash's fixture names) are registered now, after every installed plugin: pytest takes
    # the last registered definition of a fixture, so propwire's win over Dash's own plugin when both are there.
    if not config.pluginmanager.has_plugin("propwire.duo"):
        from propwire.testing import duo_fixtures

        config.pluginmanager.register(duo_fixtures, "propwire.duo")


@pytest.fixture
def propwire_client() -> Iterator[Factory]:
    """propwire_client(app, path=None) -> a headless Client with the page open; closed at teardown."""
    from propwire.testing.client import Client

    with ExitStack() as stack:

        def factory(app: Any, path: str | None = None, **options: Any) -> Client:
            client = Client(app, **options)
            stack.callback(client.close)
            return client.open(path)

        yield factory


@pytest.fixture(scope="session")
def propwire_chromium() -> Iterator[Any]:
    """One headless Chromium for the session (Debian's, launched by path; never `playwright install`)."""
    from propwire.testing.browser import CHROMIUM, Chromium

    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"Chromium not found at {CHROMIUM} (set PROPWIRE_CHROMIUM)")
    chromium = Chromium(CHROMIUM)
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture
def propwire_browser(propwire_chromium: Any) -> Iterator[Factory]:
    """propwire_browser(app, path=None) -> a BrowserDriver with the page open; server and context stop at teardown."""
    from propwire.testing.browser import BrowserDriver

    with ExitStack() as stack:

        def factory(app: Any, path: str | None = None, **options: Any) -> BrowserDriver:
            driver = BrowserDriver(app, chromium=propwire_chromium, **options)
            stack.callback(driver.close)
            return driver.open(path)

        yield factory


@pytest.fixture(params=["client", pytest.param("browser", marks=pytest.mark.browser)])
def propwire_driver(request: pytest.FixtureRequest) -> Factory:
    """The same test body twice: once with propwire_client, once with propwire_browser."""
    return request.getfixturevalue(f"propwire_{request.param}")

