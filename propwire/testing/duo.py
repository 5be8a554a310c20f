"""`dash_duo` for propwire: Dash's browser-test fixture API (its `DashComposite`) on Playwright and Chromium.

A Dash project's integration tests run on propwire after changing their imports: `from dash import ...` to
`from propwire import ...`, and selenium's `By`/`Keys`/exceptions to `propwire.testing.duo`'s. The fixtures
(`dash_duo`, `dash_br`, `dash_thread_server`) come with propwire's pytest plugin; docs/testing.md lists what is
supported ("Running Dash's dash_duo tests").

    def test_click(dash_duo):
        dash_duo.start_server(app)
        dash_duo.multiple_click("#btn", 3)
        dash_duo.wait_for_text_to_equal("#out", "3")
        assert dash_duo.get_logs() == []
"""

from __future__ import annotations

import json
import os
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from propwire.testing.browser import IDLE, Chromium
from propwire.testing.duo_driver import DuoDriver
from propwire.testing.duo_element import (
    DuoElement,
    NoSuchElementException,
    StaleElementReferenceException,
    TimeoutException,
    WebDriverException,
)
from propwire.testing.duo_keys import By, Keys, css_for
from propwire.testing.duo_waits import DuoWaits
from propwire.testing.live import LiveServer

__all__ = ["By", "DashAppLoadingError", "DuoBrowser", "DuoComposite", "DuoElement", "Keys", "NoSuchElementException",
           "StaleElementReferenceException", "ThreadServer", "TimeoutException", "WebDriverException"]

_READY = f"() => ({IDLE})"
_UNSUPPORTED = ("propwire keeps no Redux store: wait for what the page shows (wait_for_text_to_equal, ...) "
                "or use redux_state_is_loading, which says whether propwire's renderer has an event running")


class DashAppLoadingError(WebDriverException):
    """The page did not become ready (renderer mounted, initial callbacks in) within the timeout."""


class ThreadServer:
    """Serves a propwire app with uvicorn in a thread on 127.0.0.1, as Dash's ThreadedRunner serves a Dash app.

    `server(app, debug=True)` starts it; `server.url` is its address; `stop()` ends it (the fixture does).
    """

    def __init__(self) -> None:
        self._live: LiveServer | None = None
        self.url = ""

    def __call__(self, app: Any, start_timeout: float = 10.0, **kwargs: Any) -> None:
        from propwire.app import Dash
        from propwire.app_config import check_run_options

        if not isinstance(app, Dash):
            raise TypeError(f"start_server({type(app).__module__}.{type(app).__name__}): this is propwire's "
                            "dash_duo, which serves propwire apps; for a Dash app run pytest with -p no:propwire")
        self.stop()
        debug = bool(kwargs.pop("debug", False))
        # The test server never reloads on file changes, which is what these options ask for when False.
        for name in ("use_reloader", "dev_tools_hot_reload"):
            if kwargs.pop(name, None):
                warnings.warn(f"start_server({name}=True): the test server does not reload on file changes",
                              UserWarning, stacklevel=3)
        host = kwargs.pop("host", "127.0.0.1")
        if host not in ("127.0.0.1", "localhost"):
            raise ValueError(f"start_server(host={host!r}): the test server listens on 127.0.0.1 only")
        port = int(kwargs.pop("port", 0) or 0)
        check_run_options(kwargs)
        app.debug = debug
        app.engine.debug = debug  # builds and validates the app (as app.run does) before serving
        self._live = LiveServer(app.server, timeout=start_timeout, port=port)
        self.url = self._live.url

    def stop(self) -> None:
        """Stop the server (if one runs)."""
        if self._live is not None:
            self._live.stop()
            self._live = None

    def __enter__(self) -> ThreadServer:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()


class DuoBrowser(DuoWaits):
    """Dash's `Browser` API (the `dash_br` fixture): finds, waits, inputs and logs on a Playwright window.

    Parameters:
        chromium: the session's Chromium (the `propwire_chromium` fixture).
        wait_timeout: the default timeout of the `wait_for_*` methods, in seconds (Dash's default, 10).
        download_path: where the fixture puts downloads and `take_snapshot` pictures.
    """

    def __init__(self, chromium: Chromium, wait_timeout: float = 10, download_path: str = ""):
        self._driver = DuoDriver(chromium)
        self.wait_timeout = wait_timeout
        self.download_path = download_path
        self._url = ""
        self._last_ts = 0
        self._window_idx = 0

    def __enter__(self) -> DuoBrowser:
        return self

    def __exit__(self, *exc: Any) -> None:
        self._driver.quit()

    @property
    def driver(self) -> DuoDriver:
        """The selenium-like driver (find_element(By.ID, ...), execute_script, get, window_handles, ...)."""
        return self._driver

    @property
    def server_url(self) -> str:
        """The app's address; setting it loads that page and waits for it (wait_for_page)."""
        return self._url

    @server_url.setter
    def server_url(self, value: str) -> None:
        self._url = value
        self.wait_for_page()

    @property
    def dash_entry_locator(self) -> str:
        """The element the renderer mounts into (Dash's is `#react-entry-point`)."""
        return "#_pw-root"

    # -- finding ---------------------------------------------------------------------------

    def find_element(self, selector: str, attribute: str = "CSS_SELECTOR") -> DuoElement:
        """The first element for `selector` (a CSS selector unless `attribute` names another By strategy)."""
        return self.driver.find_element(getattr(By, attribute.upper()), selector)

    def find_elements(self, selector: str, attribute: str = "CSS_SELECTOR") -> list[DuoElement]:
        """Every element for `selector` ([] when none appears within the 2 s implicit wait)."""
        return self.driver.find_elements(getattr(By, attribute.upper()), selector)

    def _get_element(self, elem_or_selector: DuoElement | str) -> DuoElement:
        return self.find_element(elem_or_selector) if isinstance(elem_or_selector, str) else elem_or_selector

    def _query(self, selector: str) -> DuoElement | None:
        """The first match now (no implicit wait): what the wait conditions poll."""
        handle = self.driver.call(self.driver.page.query_selector, css_for(By.CSS_SELECTOR, selector))
        return None if handle is None else DuoElement(self.driver, handle)

    # -- pages -----------------------------------------------------------------------------

    def wait_for_page(self, url: str | None = None, timeout: float = 10) -> None:
        """Load `url` (default: server_url) and wait until the renderer is mounted and its initial callbacks
        are in (Dash waits for the entry element only; waiting for the callbacks too makes tests less flaky)."""
        self.driver.get(self.server_url if url is None else url)
        try:
            self.driver.call(lambda: self.driver.page.wait_for_function(_READY, timeout=timeout * 1000))
        except Exception as exc:
            logs = "\n".join(str(entry) for entry in self.get_logs())
            raise DashAppLoadingError(f"the propwire page did not become ready within {timeout}s\n"
                                      f"Console logs => {logs}") from exc

    def _wait_quiet(self, timeout: float | None = None) -> None:
        """Until the renderer has no event running (what Dash's `wait_for_callbacks` waits for)."""
        limit = (self.wait_timeout if timeout is None else timeout) * 1000
        self.driver.call(lambda: self.driver.page.wait_for_function(_READY, timeout=limit))

    @property
    def redux_state_is_loading(self) -> bool:
        """Whether propwire's renderer has an event running (Dash: whether its store has requests pending)."""
        return bool(self.driver.execute_script("return !!(document.body && document.body.dataset.pwBusy)"))

    @property
    def redux_state_paths(self) -> Any:
        """Not supported: Dash's Redux store has no propwire counterpart (raises NotImplementedError)."""
        raise NotImplementedError(f"dash_duo.redux_state_paths: {_UNSUPPORTED}")

    @property
    def redux_state_rqs(self) -> Any:
        """Not supported (raises NotImplementedError), as redux_state_paths."""
        raise NotImplementedError(f"dash_duo.redux_state_rqs: {_UNSUPPORTED}")

    @property
    def window_store(self) -> Any:
        """Not supported (raises NotImplementedError), as redux_state_paths."""
        raise NotImplementedError(f"dash_duo.window_store: {_UNSUPPORTED}")

    # -- windows -----------------------------------------------------------------------------

    def open_new_tab(self, url: str | None = None) -> None:
        """Open `url` (default: server_url) in a new window (which toggle_window/switch_window then reach)."""
        self.driver.execute_script("window.open(arguments[0], 'new window')", url or self.server_url)
        deadline = time.monotonic() + self.wait_timeout
        while len(self.driver.window_handles) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)

    def switch_window(self, idx: int = 0) -> None:
        """Make window `idx` the current one."""
        if len(self.driver.window_handles) <= idx:
            raise WebDriverException("there is no second window in Browser")
        self.driver.switch_to_window(idx)

    def toggle_window(self) -> None:
        """Switch between the first window and the second one."""
        self.switch_window((self._window_idx + 1) % 2)
        self._window_idx += 1

    # -- snapshots --------------------------------------------------------------------------

    def percy_snapshot(self, name: str = "", wait_for_callbacks: bool = False, convert_canvases: bool = False,
                       widths: Any = None, disable_n_clicks: bool = False) -> None:
        """Percy is a hosted visual-diff service (a token and the network, which tests here do not have), so no
        snapshot is uploaded; with $PROPWIRE_DUO_SNAPSHOTS set to a folder the viewport is saved there as
        `<name>.png` instead. `wait_for_callbacks` waits for the renderer to be quiet first, as in Dash."""
        if wait_for_callbacks:
            self._wait_quiet()
        folder = os.environ.get("PROPWIRE_DUO_SNAPSHOTS")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name) or "snapshot"
            self.driver.save_screenshot(str(Path(folder) / f"{safe}.png"))

    def take_snapshot(self, name: str) -> None:
        """Save the viewport to `<download_path or /tmp/dash_artifacts>/<name>.png` (Dash's place for them)."""
        target = Path(self.download_path or "/tmp/dash_artifacts")
        target.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(target / f"{name}.png"))

    def visit_and_snapshot(self, resource_path: str, hook_id: str, wait_for_callbacks: bool = True,
                           convert_canvases: bool = False, assert_check: bool = True, stay_on_page: bool = False,
                           widths: Any = None) -> None:
        """Load server_url + resource_path, wait for the element `hook_id`, percy_snapshot it, check that no
        callback error reached the console (Dash checks for its dev tools' alert), then go back unless
        `stay_on_page`."""
        path = resource_path.lstrip("/")
        self._last_ts = int(time.time() * 1000) - 1 if assert_check else self._last_ts
        self.wait_for_page(f"{self.server_url.rstrip('/')}/{path}")
        self.wait_for_element_by_id(hook_id)
        self.percy_snapshot(path, wait_for_callbacks=wait_for_callbacks, widths=widths)
        if assert_check:
            errors = [e for e in self.get_logs() if "propwire: Callback" in e["message"]]
            assert not errors, f"a callback raised an error: {errors}"
        if not stay_on_page:
            self.driver.back()

    # -- logs and storage -------------------------------------------------------------------

    def get_logs(self) -> list[dict[str, Any]]:
        """The console errors and uncaught exceptions since reset_log_timestamp(), as chromedriver's SEVERE
        browser log entries ({"level", "message", "source", "timestamp"})."""
        return [entry for entry in self.driver.logs if entry["timestamp"] > self._last_ts]

    def reset_log_timestamp(self) -> None:
        """Make get_logs() forget the entries logged so far."""
        if self.driver.logs:
            self._last_ts = self.driver.logs[-1]["timestamp"]

    def get_local_storage(self, store_id: str = "local") -> Any:
        """A dcc.Store's (storage_type="local") data as the browser holds it."""
        return self._storage("localStorage", store_id)

    def get_session_storage(self, session_id: str = "session") -> Any:
        """A dcc.Store's (storage_type="session") data as the browser holds it."""
        return self._storage("sessionStorage", session_id)

    def _storage(self, area: str, key: str) -> Any:
        raw = self.driver.execute_script(f"return window.{area}.getItem(arguments[0])", key)
        return None if raw is None else json.loads(raw)

    def clear_local_storage(self) -> None:
        """Empty the page's localStorage."""
        self.driver.execute_script("window.localStorage.clear()")

    def clear_session_storage(self) -> None:
        """Empty the page's sessionStorage."""
        self.driver.execute_script("window.sessionStorage.clear()")

    def clear_storage(self) -> None:
        """Empty both storages."""
        self.clear_local_storage()
        self.clear_session_storage()


class DuoComposite(DuoBrowser):
    """The `dash_duo` fixture: a DuoBrowser plus the server it starts (Dash's DashComposite)."""

    def __init__(self, server: Callable[..., Any], chromium: Chromium, **kwargs: Any):
        super().__init__(chromium, **kwargs)
        self.server = server

    def start_server(self, app: Any, navigate: bool = True, **kwargs: Any) -> None:
        """Serve `app` (Dash's run() options: debug; the others as app.run treats them) and, with `navigate`,
        open its page and wait for it."""
        self.server(app, **kwargs)
        if navigate:
            self.server_url = self.server.url  # type: ignore[attr-defined]
