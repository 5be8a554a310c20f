"""`DuoDriver`: the part of selenium's WebDriver that Dash tests reach through `dash_duo.driver`, on Playwright.

One Playwright context (its own cookies and storage) in the shared Chromium; every page it opens (a new tab, a
`target=_blank` link) is a window of `window_handles`. Requests leave for 127.0.0.1 only. Console errors and
uncaught exceptions are kept as selenium's "browser" log entries (level SEVERE), which `get_logs()` returns.

    dash_duo.driver.get(dash_duo.server_url + "/page-2")
    dash_duo.driver.find_element(By.ID, "go").click()
    assert dash_duo.driver.execute_script("return document.title") == "Page 2"
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from propwire.testing.browser import Chromium, _local_only
from propwire.testing.duo_element import DuoElement, WebDriverException, find
from propwire.testing.duo_keys import By

T = TypeVar("T")

# selenium's execute_script body (`return ...`, `arguments[0]`), wrapped in a function here: Playwright compiles a
# function over the devtools protocol, which the page's CSP allows (an in-page `new Function` it forbids).
_SCRIPT = "(args) => (function () {{\n{body}\n}}).apply(null, args)"


class DuoDriver:
    """A selenium-like driver over one Playwright context; `page` is the window in use."""

    def __init__(self, chromium: Chromium, implicit_wait: float = 2.0):
        self._chromium = chromium
        self.implicit_wait = implicit_wait  # Dash's Browser sets 2 s: find_element retries that long
        self.logs: list[dict[str, Any]] = []
        self.pages: list[Any] = []
        self.context = self.call(self._setup)
        self.page = self.pages[0]

    async def _setup(self) -> Any:
        context = await self._chromium.browser.new_context()
        await context.route("**/*", _local_only)
        context.on("page", self._watch)
        await context.new_page()
        return context

    def _watch(self, page: Any) -> None:
        """Keep a new window and its console errors (as chromedriver's SEVERE browser log entries)."""
        self.pages.append(page)
        page.on("console", lambda m: self._log(m.text, "console-api") if m.type == "error" else None)
        page.on("pageerror", lambda exc: self._log(f"Uncaught {exc}", "javascript"))

    def _log(self, message: str, source: str) -> None:
        self.logs.append({"level": "SEVERE", "message": message, "source": source,
                          "timestamp": int(time.time() * 1000)})

    def call(self, func: Callable[..., Awaitable[T]], *args: Any) -> T:
        """Run a Playwright coroutine function on the browser's loop thread."""
        return self._chromium.call(func, *args)

    def quit(self) -> None:
        """Close every window (the context); Chromium itself is the session's and stays."""
        self.call(self.context.close)

    # -- navigation -------------------------------------------------------------------------

    def get(self, url: str) -> None:
        """Load `url` in the current window."""
        self.call(self.page.goto, url)

    def refresh(self) -> None:
        """Reload the current page."""
        self.call(self.page.reload)

    def back(self) -> None:
        """Go back in the window's history."""
        self.call(self.page.go_back)

    def forward(self) -> None:
        """Go forward in the window's history."""
        self.call(self.page.go_forward)

    @property
    def current_url(self) -> str:
        """The current window's URL (after pushState navigations too)."""
        return str(self.page.url)

    @property
    def title(self) -> str:
        """The document's title."""
        return self.call(self.page.title)

    @property
    def page_source(self) -> str:
        """The document's HTML as it is now."""
        return self.call(self.page.content)

    # -- elements and scripts ---------------------------------------------------------------

    def find_element(self, by: str = By.CSS_SELECTOR, value: str = "") -> DuoElement:
        """The first element for a locator, retried for the implicit wait (NoSuchElementException after)."""
        return find(self, self.page, by, value, many=False)

    def find_elements(self, by: str = By.CSS_SELECTOR, value: str = "") -> list[DuoElement]:
        """Every element for a locator ([] when none appears within the implicit wait)."""
        return find(self, self.page, by, value, many=True)

    def execute_script(self, script: str, *args: Any) -> Any:
        """Run a selenium-style script body (`return arguments[0].value`); DuoElement arguments are passed as
        their DOM nodes, and a returned DOM node comes back as a DuoElement."""
        passed = [a.handle if isinstance(a, DuoElement) else a for a in args]

        async def go() -> Any:
            try:
                handle = await self.page.evaluate_handle(_SCRIPT.format(body=script), passed)
            except Exception as exc:  # a script error: selenium raises JavascriptException (a WebDriverException)
                raise WebDriverException(f"execute_script failed: {exc}") from exc
            element = handle.as_element()
            return element if element is not None else await handle.json_value()

        result = self.call(go)
        return DuoElement(self, result) if hasattr(result, "as_element") else result

    def implicitly_wait(self, seconds: float) -> None:
        """How long find_element(s) retry before giving up."""
        self.implicit_wait = seconds

    # -- windows and screenshots ------------------------------------------------------------

    @property
    def window_handles(self) -> list[int]:
        """One handle (an index) per open window, oldest first."""
        self.pages = [p for p in self.pages if not p.is_closed()]
        return list(range(len(self.pages)))

    def switch_to_window(self, handle: int) -> None:
        """Make window `handle` (from window_handles) the current one."""
        self.page = self.pages[self.window_handles[handle]]
        self.call(self.page.bring_to_front)

    def save_screenshot(self, filename: str) -> bool:
        """Save a PNG of the current window's viewport."""
        self.call(lambda: self.page.screenshot(path=filename))
        return True

    def get_screenshot_as_png(self) -> bytes:
        """The current viewport as PNG bytes."""
        return self.call(self.page.screenshot)

    def set_window_size(self, width: int, height: int) -> None:
        """Resize the viewport."""
        self.call(self.page.set_viewport_size, {"width": width, "height": height})

    def get_window_size(self) -> dict[str, int]:
        """{"width", "height"} of the viewport."""
        return dict(self.page.viewport_size or {})
