"""`BrowserDriver`: the Client's verbs, played in Chromium by Playwright against the app served on 127.0.0.1.

Playwright's async API runs on a private event loop thread (`Chromium`), so the driver works beside any
other Playwright user in the test process (a sync Playwright holds the main thread's event loop).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from playwright.async_api import Locator, Route, async_playwright

from propwire.api.dependencies import id_string
from propwire.protocol.wire import Unreadable, read_body
from propwire.testing.browser_dialogs import BrowserDialogs
from propwire.testing.browser_events import RECORD_EVENTS
from propwire.testing.browser_files import BrowserFileVerbs
from propwire.testing.browser_graph import BrowserGraphVerbs
from propwire.testing.browser_inputs import BrowserInputVerbs, search_reset
from propwire.testing.components import (
    EventRejected,
    builtin,
    check_check,
    check_click,
    check_select,
    check_type,
    field_holds,
    kind_of,
    not_found,
    require,
    selected_value,
)
from propwire.testing.live import LiveServer
from propwire.testing.loop import LoopThread
from propwire.testing.records import CallRecord, records

T = TypeVar("T")

CHROMIUM = os.environ.get("PROPWIRE_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
IDLE = "document.body && document.body.dataset.pwReady === '1' && !document.body.dataset.pwBusy"
# Quiet: no event running or unread, and no dcc.Graph still plotting (it marks itself while plotly.js works).
_QUIET = f"() => ({IDLE}) && (window.__pwEvents || []).every(e => e.text !== null) && " \
         "!document.querySelector('[data-pw-plotting]')"  # a function: no eval under the CSP
# The answered events, in order; one whose answer is still coming (sent after the quiet was seen) stays for the
# next take: taken now, its lines would be lost.
_TAKE = "() => { const all = window.__pwEvents || []; let n = 0; while (n < all.length && all[n].text !== null) n++; " \
        "return all.splice(0, n); }"
_PAGE_LINES = """() => Array.from(document.querySelectorAll('script:not([src])'))
  .map(s => s.textContent).filter(t => t.startsWith('propwire.push(')).map(t => t.slice(14, -1))"""
# The renderer keeps its runtime (and so its props store) on window.propwire.runtime.
_ENTRY = """id => { const rt = window.propwire && window.propwire.runtime; const e = rt && rt.store.entry(id);
  return e ? {type: e.comp.type, namespace: e.comp.namespace, props: e.comp.props, ancestry: e.ancestry} : null; }"""
_VALUE = """key => { const v = window.propwire.runtime.store.value(key); return v === undefined ? null : v; }"""
_USER_CHANGE = """([id, props]) => window.propwire.runtime.userChange(id, props)"""
_NAVIGATE = """url => { window.history.pushState({}, '', url); window.dispatchEvent(new PopStateEvent('popstate')); }"""
_IDS = """() => { const rt = window.propwire && window.propwire.runtime; return rt ? Array.from(rt.store.ids()) : []; }"""
_TEXT = """id => { const el = document.getElementById(id); return el ? el.textContent : ''; }"""


async def _local_only(route: Route) -> None:
    """Only 127.0.0.1 is reached: every other request (a CDN stylesheet, say) is aborted."""
    if route.request.url.startswith("http://127.0.0.1:"):
        await route.continue_()
    else:
        await route.abort()


class Chromium:
    """Debian's Chromium (launched by path, never a downloaded one), driven from a private event loop thread."""

    def __init__(self, executable: str = CHROMIUM):
        if not os.access(executable, os.X_OK):
            raise FileNotFoundError(f"Chromium not found at {executable} (set PROPWIRE_CHROMIUM)")
        self._loop: LoopThread | None = LoopThread("propwire-chromium")
        try:
            self._playwright, self.browser = self.call(self._start, executable)
        except BaseException:
            self._loop.close()
            raise

    @staticmethod
    async def _start(executable: str) -> tuple[Any, Any]:
        playwright = await async_playwright().start()
        browser = await playwright.chromium.launch(executable_path=executable, args=FLAGS, headless=True)
        return playwright, browser

    def call(self, func: Callable[..., Awaitable[T]], *args: Any) -> T:
        """Run a coroutine function on the browser's loop and return its result."""
        if self._loop is None:
            raise RuntimeError("this Chromium is closed")
        return self._loop.call(func, *args)

    def close(self) -> None:
        """Close Chromium and stop Playwright and the loop."""
        if self._loop is None:
            return
        try:
            self.call(self.browser.close)
            self.call(self._playwright.stop)
        finally:
            self._loop.close()
            self._loop = None


class BrowserDriver(BrowserGraphVerbs, BrowserDialogs, BrowserInputVerbs, BrowserFileVerbs):
    """The headless Client's verbs and reads, in a real browser page (Debian's Chromium, app served on 127.0.0.1).

    For what only a browser shows (layout, focus, the renderer itself); the `propwire_driver` fixture runs one test
    body with each (docs/testing.md). The dcc.Graph verbs are real mouse actions on the plot (browser_graph.py)::

        with BrowserDriver(app).open() as page:
            page.click("go")
            assert page.text("out") == "clicked 1"
    """

    def __init__(self, app: Any, *, chromium: Chromium | None = None, timeout: float = 15.0, strict: bool = True):
        self.app = app
        self.timeout = timeout
        self.strict = strict
        self._owns = chromium is None  # standalone: this driver launches (and closes) its own Chromium
        self._chromium = chromium or Chromium()
        self._server: LiveServer | None = LiveServer(app.server)
        self._new_document = False
        self._reports: list[str] = []
        self._lines_errors: list[str] = []
        self.console_errors: list[str] = []  # every console error (aborted external resources included)
        self._read: list[tuple[int, dict | None, int, list[dict]]] = []
        self._last: list[tuple[int, dict | None, list[dict]]] = []
        self._call(self._setup)

    async def _setup(self) -> None:
        self.context = await self._chromium.browser.new_context()
        await self.context.route("**/*", _local_only)
        await self.context.add_init_script(RECORD_EVENTS)
        self.page = await self.context.new_page()
        self.page.on("domcontentloaded", self._on_document)
        self._watch_dialogs(self.page)
        self._watch_downloads(self.page)
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda exc: self._reports.append(f"page error: {exc}"))

    def _call(self, func: Callable[..., Awaitable[T]], *args: Any) -> T:
        return self._chromium.call(func, *args)

    # -- life cycle ----------------------------------------------------------------------

    def open(self, path: str | None = None) -> BrowserDriver:
        """Load a page and wait until its initial callbacks (and their follow-ups) are in; by default the app's
        own page (its `routes_pathname_prefix`, "/" unless the app is under a prefix)."""
        assert self._server is not None, "the driver is closed"
        if path is None:
            path = getattr(getattr(self.app, "config", None), "routes_pathname_prefix", None) or "/"
        url = self._server.url + path

        async def go() -> None:
            await self.page.goto(url)
            await self._settle()

        self._call(go)
        return self

    def close(self) -> None:
        """Close the page's context and stop the server (and Chromium, if this driver launched it)."""
        if self._server is None:
            return
        try:
            self._call(self.context.close)
        finally:
            self._server.stop()
            self._server = None
            if self._owns:
                self._chromium.close()

    def __enter__(self) -> BrowserDriver:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def url(self) -> str:
        """The page's current URL (after navigations and dcc.Link clicks)."""
        return self.page.url

    # -- verbs ------------------------------------------------------------------------

    def click(self, component_id: Any, *, wait: bool = True) -> None:
        """Click the element (Playwright's real mouse click)."""
        async def go() -> None:
            check_click(await self._comp(component_id), component_id)
            await self._locator(component_id).click(timeout=self.timeout * 1000)
            await self._done(wait)

        self._call(go)

    def type(self, component_id: Any, text: str, enter: bool = False, *, wait: bool = True) -> None:
        """Fill the field with `text` (one input event); `enter=True` then presses Enter."""
        async def go() -> None:
            comp = await self._comp(component_id)
            check_type(comp, component_id, text, enter)
            field = self._locator(component_id) if builtin(comp) else \
                await self._field(component_id, "input, textarea, [contenteditable]")
            # Playwright refuses to fill a number field with text that is no number; the browser would drop the
            # keys: the field is left empty, as a user's typing leaves it.
            await field.fill(field_holds(comp, text) if builtin(comp) else text, timeout=self.timeout * 1000)
            debounce = comp["props"].get("debounce")
            if isinstance(debounce, (int, float)) and not isinstance(debounce, bool) and debounce > 0:
                await self.page.wait_for_timeout(debounce * 1000 + 50)  # the field sends once typing pauses
            if enter:
                await self._wait_idle()
                await field.press("Enter")
            await self._done(wait)

        self._call(go)

    def blur(self, component_id: Any, *, wait: bool = True) -> None:
        """Focus the field if needed, then leave it."""
        async def go() -> None:
            comp = await self._comp(component_id)
            require(comp, component_id, "blur")
            field = self._locator(component_id) if builtin(comp) else \
                await self._field(component_id, "input, textarea, select, button, [tabindex]")
            await field.focus()
            await field.blur()
            await self._done(wait)

        self._call(go)

    def select(self, component_id: Any, value: Any, *, wait: bool = True) -> None:
        """Pick an option: a radio's input or a Dropdown's menu entry (a multi list or a clear: setProps)."""
        async def go() -> None:
            comp = await self._comp(component_id)
            index = check_select(comp, component_id, value)
            box = self._locator(component_id)
            timeout = self.timeout * 1000
            if not builtin(comp):  # a declared component's own <select> (docs/components.md)
                await (await self._field(component_id, "select")).select_option(str(value), timeout=timeout)
            elif kind_of(comp) == "dcc.RadioItems":
                await box.locator("input").nth(index).check(timeout=timeout)  # type: ignore[arg-type]
            elif index is None:
                await self._user_change(component_id, {**search_reset(comp), "value": selected_value(comp, value)})
            else:
                await self._pick_option(box, comp, index)
            await self._done(wait)

        self._call(go)

    def check(self, component_id: Any, value: Any, *, wait: bool = True) -> None:
        """Click the checkbox of one option of a Checklist."""
        async def go() -> None:
            index = check_check(await self._comp(component_id), component_id, value)
            own = f"input[value={json.dumps(str(value))}]"  # a declared component's checkbox (docs/components.md)
            boxes = self._locator(component_id).locator("input" if index is not None else own)
            await boxes.nth(index or 0).click(timeout=self.timeout * 1000)
            await self._done(wait)

        self._call(go)

    def set_props(self, component_id: Any, /, **props: Any) -> None:
        """Set props through the renderer's runtime, as a component's setProps does."""
        wait = props.pop("wait", True)

        async def go() -> None:
            await self._comp(component_id)
            await self._user_change(component_id, props)
            await self._done(wait)

        self._call(go)

    def navigate(self, path: str, *, wait: bool = True) -> None:
        """Push a URL in the page and tell every dcc.Location, as a dcc.Link click does."""
        async def go() -> None:
            await self.page.evaluate(_NAVIGATE, path)
            await self._done(wait)

        self._call(go)

    def wait(self) -> None:
        """Until no event is running (after verbs called with wait=False)."""
        self._call(self._done, True)

    # -- reads ------------------------------------------------------------------------

    def prop(self, component_id: Any, name: str) -> Any:
        """A prop's value in the renderer's store (None when unset)."""
        async def go() -> Any:
            await self._comp(component_id)
            return await self.page.evaluate(_VALUE, f"{id_string(component_id)}.{name}")

        return self._call(go)

    def text(self, component_id: Any) -> str:
        """The element's textContent ('' for components that render no element)."""
        async def go() -> str:
            await self._comp(component_id)
            return await self.page.evaluate(_TEXT, id_string(component_id))

        return self._call(go)

    def field_text(self, component_id: Any) -> str:
        """The text a dcc.Input or dcc.Textarea shows in its field."""
        return self._call(self._locator(component_id).input_value)

    def exists(self, component_id: Any) -> bool:
        """Whether the page holds a component with this id, as Client.exists."""
        async def go() -> bool:
            return await self.page.evaluate(_ENTRY, id_string(component_id)) is not None

        return self._call(go)

    @property
    def cookies(self) -> dict[str, str]:
        """The cookies the browser holds for the app."""
        async def go() -> dict[str, str]:
            return {c["name"]: c["value"] for c in await self.context.cookies()}

        return self._call(go)

    def calls(self) -> list[CallRecord]:
        """The callbacks the last action ran, read from the event responses the page received."""
        return records(self.app.engine.graph.callbacks, self._last)

    def errors(self) -> list[str]:
        """Callback errors, rejected events and the renderer's own reports, as the headless Client words them."""
        return self._lines_errors + self._reports

    # -- internals ---------------------------------------------------------------------

    async def _comp(self, component_id: Any) -> dict:
        comp = await self.page.evaluate(_ENTRY, id_string(component_id))
        if comp is None:
            raise not_found(component_id, await self.page.evaluate(_IDS))
        return comp

    async def _field(self, component_id: Any, kinds: str) -> Locator:
        """The element with the id if it is one of `kinds` (a CSS selector), else the first such inside it."""
        outer = self._locator(component_id)
        if await outer.evaluate("(el, kinds) => el.matches(kinds)", kinds):
            return outer
        return outer.locator(kinds).first

    def _locator(self, component_id: Any) -> Locator:
        return self.page.locator(f"[id={json.dumps(id_string(component_id), ensure_ascii=False)}]").first

    async def _user_change(self, component_id: Any, props: dict[str, Any]) -> None:
        await self.page.evaluate(_USER_CHANGE, [id_string(component_id), props])

    async def _wait_idle(self) -> None:
        """Wait for quiet, then keep the stream lines that came meanwhile (the page's own as seq 0)."""
        await self.page.wait_for_function(_QUIET, timeout=self.timeout * 1000)
        if self._new_document:
            self._new_document = False
            self._read.append((0, None, 200, [json.loads(t) for t in await self.page.evaluate(_PAGE_LINES)]))
        for entry in await self.page.evaluate(_TAKE):
            body = json.loads(entry["body"] or "{}")
            text = entry["text"] if entry["status"] == 200 else ""
            lines = [line for line in read_body(text.encode()) if not isinstance(line, Unreadable)]
            self._read.append((body.get("seq", -1), body, entry["status"], lines))

    async def _done(self, wait: bool) -> None:
        if wait:
            await self._settle()

    async def _settle(self) -> None:
        """Wait for quiet; what the responses since the last action said becomes calls() and errors()."""
        await self._wait_idle()
        taken, self._read = self._read, []
        self._last = [(seq, body, lines) for seq, body, _status, lines in taken]
        for _seq, _body, _status, lines in taken:
            self._lines_errors += [str(line["error"].get("message", "")) for line in lines if "error" in line]
        rejected = [f"Event {seq} was rejected (HTTP {status})" for seq, _b, status, _l in taken if status != 200]
        if self.strict and rejected:
            raise EventRejected("; ".join(rejected))

    def _on_document(self, _page: Any) -> None:
        self._new_document = True  # a new document (not a pushState): its pushed lines are read at quiet

    def _on_console(self, message: Any) -> None:
        if message.type == "warning" and message.text.startswith("propwire: dcc.Upload "):
            self._reports.append(message.text[len("propwire: "):])  # a file left out: Client.errors() says it too
        if message.type != "error":
            return
        text = message.text
        self.console_errors.append(text)
        if text.startswith("propwire: ") and not re.match(r"propwire: Callback (\d+|'[^']*') raised an error", text):
            self._reports.append(text[len("propwire: "):])
