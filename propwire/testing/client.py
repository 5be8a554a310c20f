"""`Client`: drive an app like a user, headless, through its real ASGI app and HTTP endpoints."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

import httpx
import orjson

from propwire.api.dependencies import id_string
from propwire.core.json_values import same_json
from propwire.testing import view
from propwire.testing.aggrid import AgGridVerbs
from propwire.testing.asgi_stream import StreamingASGITransport
from propwire.testing.children_props import is_library
from propwire.testing.components import (
    EventRejected,
    builtin,
    check_check,
    check_click,
    check_prop,
    check_select,
    check_type,
    element_text,
    field_holds,
    kind_of,
    not_found,
    require,
    same_value,
    selected_value,
    text_of,
    toggled,
)
from propwire.testing.datatable import DataTableVerbs
from propwire.testing.date_verbs import DateVerbs
from propwire.testing.dialogs import DialogVerbs
from propwire.testing.effects import ComponentEffects, now_ms
from propwire.testing.files import Downloaded, FileVerbs
from propwire.testing.geolocation import GeolocationEffects
from propwire.testing.graph_verbs import GraphVerbs
from propwire.testing.input_verbs import InputVerbs, search_reset
from propwire.testing.loop import LoopThread
from propwire.testing.page_load import load_page
from propwire.testing.records import CallRecord, records
from propwire.testing.runtime import EventLog, Runtime
from propwire.testing.store import Entry
from propwire.testing.transport import BASE_URL, EventTransport, check_transport

T = TypeVar("T")

class Client(DataTableVerbs, AgGridVerbs, GraphVerbs, FileVerbs, DialogVerbs, InputVerbs, GeolocationEffects,
             DateVerbs, ComponentEffects, EventTransport):
    """A headless user of one app: open a page, act on it (click, type, ...), read what it shows.

    It speaks the browser's protocol to the app in this process (no server, no browser), so a test of a whole
    app runs in milliseconds; BrowserDriver has the same verbs in Chromium. AG Grid verbs (click_cell,
    select_rows, sort_grid, edit_cell) come from testing/aggrid.py. Use it as a context manager (or
    call close()). Examples: docs/examples/propwire.testing.Client*.py.

    Parameters:
        app: the Dash app to drive.
        timeout: seconds a verb waits for the app's answer.
        strict: raise EventRejected when the server answers an event with an error status (a test of the
            server's refusals sets it False and reads errors()).
        transport: "http" (events as POSTs) or "socket" (over the event socket, as the page sends them:
            docs/protocol.md; POSTs where the page has none).
    """

    def __init__(self, app: Any, *, timeout: float = 30.0, strict: bool = True, transport: str = "http"):
        self.app, self.transport = app, check_transport(transport)
        self.timeout = timeout
        self.strict = strict  # raise EventRejected when the server rejects an event (a 4xx/5xx)
        self.local_storage: dict[str, str] = {}
        self.session_storage: dict[str, str] = {}
        self.url = BASE_URL + "/"
        # The page's URLs of events, cookies and uploads (page_load.py reads them from each page's config)
        self._event_url, self._cookies_url, self._upload_url = "/_propwire/event", "/_propwire/cookies", "/_propwire/upload"
        self._socket_url: str | None = None
        self._loop: LoopThread | None = LoopThread("propwire-client")
        self._http: httpx.AsyncClient = self._call(self._make_http)
        self._rt: Runtime | None = None
        self._last: list[EventLog] = []
        self._old_reports: list[str] = []
        self._typed: dict[str, str] = {}  # text typed into a debounced input, not sent yet
        self._shown: dict[str, str] = {}  # what a dcc.Input's field shows, while it differs from its value's text
        self._reload: str | None = None
        self._memory: dict[str, Any] = {}
        self._kept_text: dict[str, str] = {}  # a Textarea's last text, shown while its value is None
        self._downloads: list[Downloaded] = []  # what dcc.Downloads saved (files.py)
        self.accept_dialogs = False  # how a confirm() box is answered: OK when True, else Cancel (dialogs.py)
        self.dialogs: list[str] = []  # the confirm() messages shown, in order
        self._raised: set[str] = set()

    async def _make_http(self) -> httpx.AsyncClient:
        transport = StreamingASGITransport(self.app.server)  # event lines arrive as the server writes them
        return httpx.AsyncClient(transport=transport, base_url=BASE_URL, follow_redirects=True)

    # -- life cycle ----------------------------------------------------------------------

    def open(self, path: str | None = None) -> Client:
        """GET a page, mount its layout and apply its initial callbacks' results (and their follow-ups); by
        default the app's own page (its `routes_pathname_prefix`, "/" unless the app is under a prefix)."""
        if path is None:
            path = getattr(getattr(self.app, "config", None), "routes_pathname_prefix", None) or "/"
        if self._rt is not None:
            self._old_reports += self._rt.reports
        self._call(self._load, path)
        return self

    def new_tab(self, path: str | None = None) -> Client:
        """Open `path` (by default the current URL) as in a new tab of the same browser: cookies and localStorage
        are shared, sessionStorage starts empty, dcc.Store(storage_type="memory") too.

        Example: ``client.new_tab()`` then ``client.prop("saved", "data")`` reads what a local Store kept."""
        if path is None:
            parts = urlsplit(self.url)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
        self.session_storage = {}
        return self.open(path)

    async def _load(self, path: str) -> None:
        await load_page(self, path)

    def close(self) -> None:
        """Stop the private event loop and the HTTP client."""
        if self._loop is None:
            return
        try:
            self._call(self._close_socket)
            self._call(self._http.aclose)
        finally:
            self._loop.close()
            self._loop = None

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- verbs ------------------------------------------------------------------------

    def click(self, component_id: Any, *, wait: bool = True) -> None:
        """Click an html element (n_clicks +1 on it and on every id'd html element around it), or a dcc.Link.

        Parameters:
            component_id: the element's id (a string or a dict id).
            wait: False returns as soon as the event is sent (then `wait()`), to look at the page mid-action.
        """
        entry = self._entry(component_id)
        check_click(entry.comp, component_id)
        props = entry.comp["props"]
        id_str = id_string(component_id)
        rt = self._rt_or_fail()
        target = urljoin(self.url, props["href"]) if kind_of(entry.comp) == "dcc.Link" and props.get("href") else None
        in_page = target is not None and target.startswith(BASE_URL + "/") and props.get("target") != "_blank"

        def tick() -> None:  # one DOM event: the click's counts and, for a Link, the locations' new URL
            changes = self._click_changes(id_str)
            if in_page and not props.get("refresh"):
                self.url = target  # type: ignore[assignment]
                changes += self._location_changes(None)
            rt.user_change(changes)

        self._act([tick], wait)
        if in_page and props.get("refresh"):
            self.open(target)

    def type(self, component_id: Any, text: str, enter: bool = False, *, wait: bool = True) -> None:
        """Replace the text of a dcc.Input or dcc.Textarea, as a user typing it would (debounce respected).

        Parameters:
            component_id: the field's id.
            text: the field's new text (a number field parses it as the browser would; text that is no number
                leaves it empty, its value None, as in Dash 4.4.1).
            enter: then press Enter (n_submit +1; a debounced field sends its text).
            wait: False returns as soon as the event is sent (then `wait()`), to look at the page mid-action.
        """
        entry = self._entry(component_id)
        check_type(entry.comp, component_id, text, enter)
        if not builtin(entry.comp):
            return self._generic(component_id, "type", text, wait)
        props = entry.comp["props"]
        id_str = id_string(component_id)
        if kind_of(entry.comp) == "dcc.Textarea":
            return self._act([lambda: self._rt_or_fail().user_change([(id_str, {"value": text})])], wait)
        ticks: list[Callable[[], None]] = []
        self._typed.pop(id_str, None)
        text = field_holds(entry.comp, text)  # "abc" in a number field: it stays empty (value None)
        self._shown[id_str] = text
        if props.get("debounce") is True:
            self._typed[id_str] = text
        else:  # no debounce, or a delay in seconds: sent (the delay taken as over)
            ticks.append(lambda: self._commit(id_str, text, {}))
        if enter:
            ticks.append(lambda: self._commit(id_str, None, {"n_submit": self._count(id_str, "n_submit"),
                                                             "n_submit_timestamp": now_ms()}))
        self._act(ticks, wait)

    def blur(self, component_id: Any, *, wait: bool = True) -> None:
        """Leave a dcc.Input or dcc.Textarea: n_blur +1, and a debounced input sends its text."""
        entry = self._entry(component_id)
        require(entry.comp, component_id, "blur")
        if not builtin(entry.comp):
            return self._generic(component_id, "blur", None, wait)
        id_str = id_string(component_id)
        extra = lambda: {"n_blur": self._count(id_str, "n_blur"), "n_blur_timestamp": now_ms()}  # noqa: E731
        if kind_of(entry.comp) == "dcc.Textarea":
            return self._act([lambda: self._rt_or_fail().user_change([(id_str, extra())])], wait)
        self._act([lambda: self._commit(id_str, None, extra())], wait)

    def select(self, component_id: Any, value: Any, *, wait: bool = True) -> None:
        """Choose an option of a dcc.Dropdown or dcc.RadioItems, as a user picking it from the list would.

        Parameters:
            component_id: the component's id.
            value: an option's value (a list of them for a multi Dropdown; None clears, as the clear x does:
                a multi Dropdown's value becomes []); an unknown one raises, naming the values there are.
            wait: False returns as soon as the event is sent (then `wait()`), to look at the page mid-action.
        """
        entry = self._entry(component_id)
        check_select(entry.comp, component_id, value)
        if not builtin(entry.comp):
            return self._generic(component_id, "select", value, wait)
        id_str = id_string(component_id)
        if kind_of(entry.comp) == "dcc.RadioItems" and same_value(value, entry.comp["props"].get("value")):
            return self._act([], wait)  # clicking the checked radio changes nothing
        change = {**search_reset(entry.comp), "value": selected_value(entry.comp, value)}
        self._act([lambda: self._rt_or_fail().user_change([(id_str, change)])], wait)

    def check(self, component_id: Any, value: Any, *, wait: bool = True) -> None:
        """Toggle one option of a dcc.Checklist: checked, it leaves the value; unchecked, it joins it.

        Parameters:
            component_id: the Checklist's id.
            value: the option's value.
            wait: False returns as soon as the event is sent (then `wait()`), to look at the page mid-action.
        """
        entry = self._entry(component_id)
        check_check(entry.comp, component_id, value)
        if not builtin(entry.comp):
            return self._generic(component_id, "check", value, wait)
        id_str = id_string(component_id)
        self._act([lambda: self._rt_or_fail().user_change(
            [(id_str, {"value": toggled(self._entry(component_id).comp["props"], value)})])], wait)

    def _generic(self, component_id: Any, verb: str, value: Any, wait: bool) -> None:
        """A verb on a component outside html/dcc: the change its declaration's Verb names (docs/components.md)."""
        rule = require(self._entry(component_id).comp, component_id, verb)
        id_str = id_string(component_id)

        def tick() -> None:  # checking a box is a click: it bubbles to the html elements around, as in the DOM
            around = [c for c in self._click_changes(id_str) if c[0] != id_str] if verb == "check" else []
            self._rt_or_fail().user_change(self._generic_change(id_str, rule, value) + around)

        self._act([tick], wait)

    def set_props(self, component_id: Any, /, **props: Any) -> None:
        """Set props as a component would (one user change; what they trigger runs): for components without a
        verb of their own (a Slider's drag, an Interval's tick).

        Parameters:
            component_id: the component's id (positional only, so a prop may be called `component_id`).
            **props: the props and their new values; `wait=False` as for the other verbs.
        """
        wait = props.pop("wait", True)
        self._entry(component_id)
        id_str = id_string(component_id)
        self._act([lambda: self._rt_or_fail().user_change([(id_str, props)])], wait)

    def set_prop(self, component_id: Any, prop: str, value: Any, *, wait: bool = True) -> None:
        """One prop set by the user through the component, as a library component's `setProps({prop: value})`
        does in the browser (a grid's selected rows, a tab picked; a library's: a value it has sends nothing).

        Raises WrongComponent when the component declares no such prop.
        Example: docs/examples/propwire.testing.Client.set_prop.py.
        """
        comp = self._entry(component_id).comp
        check_prop(comp, component_id, prop)
        if not (is_library(comp) and prop in comp["props"] and same_json(comp["props"][prop], value)):
            self.set_props(component_id, **{prop: value, "wait": wait})  # a library's: only a change (Dash's rule)

    def navigate(self, path: str, *, wait: bool = True) -> None:
        """Go to `path` in the page, as a dcc.Link click does: every dcc.Location hears of it."""
        self._rt_or_fail()
        self._act([lambda: self._go(urljoin(self.url, path))], wait)

    def wait(self) -> None:
        """Until no event is running (after verbs called with wait=False)."""
        self._call(self._rt_or_fail().wait_idle, self.timeout)

    # -- reads ------------------------------------------------------------------------

    def prop(self, component_id: Any, name: str) -> Any:
        """A prop's value as the page holds it (None when unset)."""
        entry = self._entry(component_id)
        value = entry.comp["props"].get(name)
        return orjson.loads(orjson.dumps(value))  # a copy: tests must not change the page

    def text(self, component_id: Any) -> str:
        """The text of the element with the id, like the DOM's textContent (a dcc.Input's value is not text)."""
        return element_text(self._entry(component_id).comp)

    def field_text(self, component_id: Any) -> str:
        """The text a dcc.Input or dcc.Textarea shows in its field (what the user typed and has not sent yet
        included; a Textarea whose value became None keeps its text, as Dash 4.4.1's does)."""
        entry = self._entry(component_id)
        require(entry.comp, component_id, "type", "read the field of")
        id_str = id_string(component_id)
        value = entry.comp["props"].get("value")
        if id_str in self._typed:
            return self._typed[id_str]
        if id_str in self._shown:
            return self._shown[id_str]
        return text_of(value)

    def snapshot(self) -> dict[str, dict[str, Any]]:
        """What the page shows per id'd element: {id: {"text", "value"?, "checked"?, "slider"?}} (testing/view.py).

        The shape the parity runner reads from Chromium; the two must agree step for step (tests/parity)."""
        return view.snapshot(self._rt_or_fail().store.root, self._shown)

    def exists(self, component_id: Any) -> bool:
        """Whether the page holds a component with this id (one a callback may add or remove)."""
        return self._rt_or_fail().store.has(id_string(component_id))

    def calls(self) -> list[CallRecord]:
        """The callbacks the last action (or page load) ran, in the order the server reported them."""
        specs = self.app.engine.graph.callbacks
        return records(specs, [(e.seq, e.body, e.lines) for e in self._last])

    def errors(self) -> list[str]:
        """Error messages so far: callbacks that raised, rejected events, unreadable streams."""
        return self._old_reports + (self._rt.reports if self._rt else [])

    @property
    def cookies(self) -> dict[str, str]:
        """The cookies the client holds (sent with every request)."""
        return dict(self._http.cookies.items())

    # -- internals ---------------------------------------------------------------------

    def _call(self, func: Callable[..., Awaitable[T]], *args: Any) -> T:
        if self._loop is None:
            raise RuntimeError("the client is closed")
        return self._loop.call(func, *args)

    def _rt_or_fail(self) -> Runtime:
        if self._rt is None:
            raise RuntimeError("no page is open: call client.open('/') first")
        return self._rt

    def _entry(self, component_id: Any) -> Entry:
        store = self._rt_or_fail().store
        entry = store.entry(id_string(component_id))
        if entry is None:
            raise not_found(component_id, store.ids())
        return entry

    def _act(self, ticks: list[Callable[[], None]], wait: bool) -> None:
        """Run each tick (one DOM event's changes) in the loop, waiting for quiet after each."""
        rt = self._rt_or_fail()
        first, reported = len(rt.log), len(rt.reports)

        async def run() -> None:
            for tick in ticks:
                tick()
                if wait:
                    await rt.wait_idle(self.timeout)

        self._call(run)
        self._last = rt.log[first:]
        rt.raise_unsupported()
        if self._reload is not None:
            target, self._reload = self._reload, None
            self.open(target)
        if self.strict and wait:
            rejected = [e for e in self._last if e.status != 200]
            if rejected:
                raise EventRejected("; ".join(r for r in rt.reports[reported:] if "was rejected" in r))
