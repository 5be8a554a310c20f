"""The step verbs, played as a user in Chromium, on Dash 4.4.1's DOM and on propwire's.

Both frameworks render the same html elements, but their dcc components differ: Dash 4 has its own Dropdown
(a button and a Radix popover), Checklist / RadioItems (labels with `data-option-index`) and Slider (Radix);
propwire uses react-select and rc-slider. Each verb is real input wherever the component takes it: mouse
clicks, typing, keyboard, the menus' own options.
"""

from __future__ import annotations

import asyncio
import json
import math
import re
import time
from typing import Any

from . import date_steps, file_steps, graph_steps, grid_steps, table_steps
from .snapshot import CallLog, Snapshot, call_log, probe

CALLBACK_URLS = {"dash": ("/_dash-update-component", "/_dash-layout", "/_dash-dependencies"),
                 "propwire": ("/_propwire/event",)}
# Dash's own queue of callbacks not yet finished (requested, being prioritized, blocked on others, running...).
_DASH_IDLE = """() => { const st = window.store && window.store.getState(); if (!st) return false;
  const c = st.callbacks || {};
  // not 'stored': a callback that raised PreventUpdate stays there for good (Dash 4.4.1), the page is idle
  return st.appLifecycle === 'HYDRATED' && !st.isLoading && ['requested', 'prioritized', 'blocked', 'executing',
    'watched', 'executed'].every(k => !c[k] || c[k].length === 0); }"""
# propwire loads Dropdown / Slider / Markdown in chunks on first use, drawing a `pw-loading` placeholder meanwhile.
_PROPWIRE_IDLE = """() => !!document.body && document.body.dataset.pwReady === '1' && !document.body.dataset.pwBusy
  && !document.querySelector('.pw-loading')"""
# The component (type and props) with this id in the framework's layout store.
_COMPONENT = {
    "dash": """key => { const st = window.store.getState(); let found = null;
      const norm = id => typeof id === 'string' ? id : JSON.stringify(Object.fromEntries(
        Object.keys(id).sort().map(k => [k, id[k]])));
      const walk = v => { if (found) return; if (Array.isArray(v)) { v.forEach(walk); return; }
        if (!v || typeof v !== 'object') return;
        if (v.props && typeof v.type === 'string' && v.props.id != null && norm(v.props.id) === key) {
          found = {type: v.type, namespace: v.namespace, props: v.props}; return; }
        Object.values(v).forEach(walk); };
      walk(st.layout); return found; }""",
    "propwire": """key => { const e = window.propwire.runtime.store.entry(key);
      return e ? {type: e.comp.type, namespace: e.comp.namespace, props: e.comp.props} : null; }""",
}
_NAVIGATE = {
    # What dcc.Link does in each: push the URL, then tell the Location components.
    "dash": "url => { history.pushState({}, '', url); window.dispatchEvent(new CustomEvent('_dashprivate_pushstate')); }",
    "propwire": "url => { history.pushState({}, '', url); window.dispatchEvent(new PopStateEvent('popstate')); }",
}
# What the page is, when it will not get quiet: which framework's code runs in it and why it is not idle.
_STATE = """() => { const st = window.store && window.store.getState && window.store.getState();
  const c = (st && st.callbacks) || {}; const body = document.body;
  return {url: location.href, dash: !!st, propwire: !!window.propwire,
    dashLifecycle: st ? st.appLifecycle : undefined, dashLoading: st ? st.isLoading : undefined,
    dashQueues: Object.fromEntries(Object.entries(c).filter(([k, v]) => Array.isArray(v) && v.length)
      .map(([k, v]) => [k, v.length])),
    pwReady: body ? body.dataset.pwReady : undefined, pwBusy: body ? body.dataset.pwBusy : undefined,
    pwLoading: document.querySelectorAll('.pw-loading').length}; }"""
QUIET_FOR = 0.15  # s the snapshot and the call log must hold still
POLL = 0.03


# Dash 4's popover moves the selected options to its top a frame or two after it opens; an option found
# before that would be clicked where another one then is. True once the list's labels held for 3 frames.
_LIST_SETTLED = """([sel, token]) => {
  const now = [...document.querySelectorAll(sel)].map(e => e.textContent).join("\\n");
  if (!window.__pwSettle || window.__pwSettle.token !== token) window.__pwSettle = {token, text: null, frames: 0};
  const w = window.__pwSettle;
  w.frames = now === w.text ? w.frames + 1 : 0;
  w.text = now;
  return now !== "" && w.frames >= 3;
}"""


def _exactly(label: str) -> Any:
    return re.compile("^\\s*" + re.escape(label) + "\\s*$")


# The components each framework draws itself (Dash's html/dcc, propwire's own); any other namespace is a
# component library's, drawn by the library's own bundle on both frameworks.
OWN_NAMESPACES = ("dash_html_components", "dash_core_components", "html", "dcc")


class StepError(Exception):
    """A step could not be played (no such component, no such option, no quiet in time)."""


def id_key(component_id: Any) -> str:
    """The DOM form of an id: a dict as sorted-key JSON without spaces (Dash's and propwire's form)."""
    if isinstance(component_id, dict):
        return json.dumps(component_id, sort_keys=True, separators=(",", ":"))
    return str(component_id)


def options_of(props: dict[str, Any]) -> list[tuple[Any, str]]:
    """(value, label) of a Dropdown / Checklist / RadioItems' options, in any of Dash's option forms."""
    raw = props.get("options") or []
    if isinstance(raw, dict):
        return [(v, str(label)) for v, label in raw.items()]
    out = []
    for opt in raw:
        if isinstance(opt, dict):
            label = opt.get("label", opt.get("value"))
            out.append((opt.get("value"), label if isinstance(label, str) else str(label)))
        else:
            out.append((opt, str(opt)))
    return out


def _a_number(text: str) -> bool:
    """Whether a number field can hold `text` (what Playwright's fill accepts there)."""
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def option_index(props: dict[str, Any], value: Any, where: str) -> int:
    opts = options_of(props)
    for i, (v, _label) in enumerate(opts):
        if v == value and type(v) is type(value) or (str(v) == str(value) and isinstance(v, str) == isinstance(value, str)):
            return i
    raise StepError(f"{where}: no option with value {value!r} (options: {[v for v, _ in opts]})")


class Page:
    """One framework's page of one app in a fresh browser context; verbs return once the page is quiet."""

    def __init__(self, context: Any, framework: str, server: Any, timeout: float = 15.0, start: str = "/"):
        self.context = context
        self.start_path = start  # the page's path: "/" unless the app is served under a prefix (its START_PATH)
        self.framework = framework
        self.server = server
        self.timeout = timeout
        self.page: Any = None
        self.in_flight = 0
        self.errors: list[str] = []
        self.loads = 0  # the page loads the runner made (load, reload, new tab): each is one page GET
        self.saved: list[list[str]] = []  # what the page's Downloads saved (file_steps.py)
        self._saving: set[Any] = set()
        self.dialog = "dismiss"  # how the step being played answers a confirm() (its {"dialog": ...} option)
        self.pointer_on: Any = None  # the Graph the mouse was left on by a Graph step (graph_steps.leave_graph)
        idle = _DASH_IDLE if framework == "dash" else _PROPWIRE_IDLE
        idle = graph_steps.with_graphs_ready(framework, grid_steps.with_grids_ready(framework, idle))
        self._probe = probe(framework, table_steps.with_tables_ready(framework, idle))

    async def start(self) -> None:
        # Every request says which page made it, so a server's requests file shows a request from the other
        # framework's page (two servers on one port) or from no page of the runner's at all.
        await self.context.set_extra_http_headers({"x-parity-page": self.framework})
        self.page = await self.context.new_page()
        self._watch(self.page)

    def _watch(self, page: Any) -> None:
        """Count the page's callback requests in flight and keep its JavaScript errors."""
        urls = CALLBACK_URLS[self.framework]
        # Only the current tab counts: a closed tab's requests end (fail) after the runner has moved on.
        watched = lambda req: page is self.page and any(u in req.url for u in urls)  # noqa: E731

        def begin(req: Any) -> None:
            if watched(req):
                self.in_flight += 1

        def end(req: Any) -> None:
            if watched(req):
                self.in_flight -= 1

        page.on("request", begin)
        page.on("requestfinished", end)
        page.on("requestfailed", end)
        page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))
        file_steps.watch_downloads(page, self.saved, self._saving)

        async def answer(dialog: Any) -> None:  # a handler, so Playwright does not dismiss every dialog itself
            await (dialog.accept() if self.dialog == "accept" else dialog.dismiss())

        page.on("dialog", answer)

    # -- quiet and reads --------------------------------------------------------------

    async def quiet(self) -> tuple[Snapshot, CallLog]:
        """Until no callback request is in flight, the framework is idle, and snapshot + log held for QUIET_FOR."""
        script = self._probe
        deadline = time.monotonic() + self.timeout
        last: Any = None
        since = time.monotonic()
        while True:
            snap = await self.page.evaluate(script) if self.in_flight == 0 and not self._saving else None
            idle = snap is not None
            snap = file_steps.with_downloads(snap, self.saved) if idle else snap
            now = (snap, call_log(self.server.log_lines())) if idle else None
            if now is None or now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= QUIET_FOR:
                return now
            if time.monotonic() > deadline:
                state = await self.state()
                raise StepError(f"{self.framework} page not quiet after {self.timeout} s (callback requests in "
                                f"flight: {self.in_flight}, framework idle: {idle}; the page: {state})")
            await asyncio.sleep(POLL)

    async def state(self) -> str:
        """What the page is and why it is not idle, for a failure message (never raises)."""
        try:
            return json.dumps(await self.page.evaluate(_STATE), sort_keys=True)
        except Exception as exc:  # the page may be closed or navigating
            return f"unreadable ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})"

    async def component(self, component_id: Any) -> dict[str, Any]:
        comp = await self.page.evaluate(_COMPONENT[self.framework], id_key(component_id))
        if comp is None:
            raise StepError(f"no component with id {component_id!r} in the {self.framework} page")
        return comp

    def locator(self, component_id: Any) -> Any:
        return self.page.locator(f"[id={json.dumps(id_key(component_id))}]").first

    # -- verbs ------------------------------------------------------------------------

    async def load(self) -> None:
        self.loads += 1
        await self.page.goto(self.server.url + self.start_path)

    async def play(self, verb: str, args: list, opts: dict) -> None:
        """Play one step's action (the runner waits for quiet afterwards)."""
        self.dialog = opts.get("dialog", "dismiss")
        await graph_steps.leave_graph(self, verb, args)
        await getattr(self, "do_" + verb)(*args)
        if opts.get("enter"):
            await self.quiet()  # what typing sent is in before Enter, as a user's pause
            await self.locator(args[0]).press("Enter", timeout=self.timeout * 1000)

    async def do_click(self, component_id: Any) -> None:
        await self.component(component_id)
        await self.locator(component_id).click(timeout=self.timeout * 1000)

    async def do_type(self, component_id: Any, text: str) -> None:
        comp = await self.component(component_id)
        field = self.locator(component_id)
        if comp["props"].get("type") == "number" and text.strip() and not _a_number(text):
            # Playwright fills a number field with numbers only; what a user's keys do to it is the test: the
            # field's text selected, then the keys pressed (the browser drops those that make no number).
            await field.press("Control+A", timeout=self.timeout * 1000)
            await field.press_sequentially(text, timeout=self.timeout * 1000)
        else:
            await field.fill(text, timeout=self.timeout * 1000)
        debounce = comp["props"].get("debounce")
        if isinstance(debounce, (int, float)) and not isinstance(debounce, bool) and debounce > 0:
            await self.page.wait_for_timeout(debounce * 1000 + 50)  # the field sends once typing pauses

    async def do_upload(self, component_id: Any, files: list[list[str]]) -> None:
        await self.component(component_id)
        await file_steps.upload_in_browser(self.page, self.locator(component_id), files, self.timeout)

    async def do_type_date(self, component_id: Any, text: str) -> None:
        await date_steps.type_date(self, component_id, text)

    async def do_type_end_date(self, component_id: Any, text: str) -> None:
        await date_steps.type_end_date(self, component_id, text)

    async def do_clear_date(self, component_id: Any) -> None:
        await date_steps.clear_date(self, component_id)

    async def do_blur(self, component_id: Any) -> None:
        await self.component(component_id)
        field = self.locator(component_id)
        await field.focus(timeout=self.timeout * 1000)
        await field.blur(timeout=self.timeout * 1000)

    async def do_navigate(self, path: str) -> None:
        await self.page.evaluate(_NAVIGATE[self.framework], path)

    async def do_reload(self) -> None:
        self.loads += 1
        await self.page.reload()

    async def do_new_tab(self) -> None:
        """Open the current URL in a new tab of the same browser context (cookies and localStorage shared,
        sessionStorage not) and go on there; the old tab is closed once the new one has loaded."""
        old, url = self.page, self.page.url
        self.in_flight = 0  # only the current tab's requests count (see _watch); the old one is closed below
        self.page = await self.context.new_page()
        self._watch(self.page)
        self.loads += 1
        await self.page.goto(url)
        await old.close()

    async def do_table_click(self, table_id: Any, row: int, col: str) -> None:
        await table_steps.table_click(self, table_id, row, col)

    async def do_table_edit(self, table_id: Any, row: int, col: str, text: str) -> None:
        await table_steps.table_edit(self, table_id, row, col, text)

    async def do_table_page(self, table_id: Any, which: str) -> None:
        await table_steps.table_page(self, table_id, which)

    async def do_table_sort(self, table_id: Any, col: str) -> None:
        await table_steps.table_sort(self, table_id, col)

    async def do_table_select(self, table_id: Any, row: int) -> None:
        await table_steps.table_select(self, table_id, row)

    async def do_table_filter(self, table_id: Any, col: str, text: str) -> None:
        await table_steps.table_filter(self, table_id, col, text)

    async def do_grid_click(self, grid_id: Any, row: int, col: str) -> None:
        await grid_steps.grid_click(self, grid_id, row, col)

    async def do_grid_select(self, grid_id: Any, row: int) -> None:
        await grid_steps.grid_select(self, grid_id, row)

    async def do_grid_sort(self, grid_id: Any, col: str) -> None:
        await grid_steps.grid_sort(self, grid_id, col)

    async def do_grid_edit(self, grid_id: Any, row: int, col: str, value: Any) -> None:
        await grid_steps.grid_edit(self, grid_id, row, col, value)

    async def do_graph_click(self, graph_id: Any, curve: int, point: int) -> None:
        await graph_steps.graph_click(self, graph_id, curve, point)

    async def do_graph_hover(self, graph_id: Any, curve: int, point: int) -> None:
        await graph_steps.graph_hover(self, graph_id, curve, point)

    async def do_graph_drag(self, graph_id: Any, start: list, end: list) -> None:
        await graph_steps.graph_drag(self, graph_id, start, end)

    async def do_graph_dblclick(self, graph_id: Any, xy: list) -> None:
        await graph_steps.graph_dblclick(self, graph_id, xy)

    async def do_graph_legend(self, graph_id: Any, curve: int) -> None:
        await graph_steps.graph_legend(self, graph_id, curve)

    async def do_graph_annotation(self, graph_id: Any, index: int) -> None:
        await graph_steps.graph_annotation(self, graph_id, index)

    async def do_check(self, component_id: Any, value: Any) -> None:
        comp = await self.component(component_id)
        index = option_index(comp["props"], value, f"check {component_id!r}")
        box = self.locator(component_id).locator("input[type=checkbox]").nth(index)
        await box.click(timeout=self.timeout * 1000)

    async def do_select(self, component_id: Any, value: Any) -> None:
        comp = await self.component(component_id)
        kind, props = comp["type"], comp["props"]
        where = f"select {component_id!r}"
        timeout = self.timeout * 1000
        if comp.get("namespace") not in OWN_NAMESPACES:
            await self._library_select(component_id, props, value)
        elif kind == "RadioItems":
            index = option_index(props, value, where)
            await self.locator(component_id).locator("input[type=radio]").nth(index).click(timeout=timeout)
        elif kind == "Dropdown":
            await (self._dash_dropdown if self.framework == "dash" else self._pw_dropdown)(component_id, props, value)
        else:
            raise StepError(f"{where}: a {kind} takes no select (Dropdown and RadioItems do)")

    async def _library_select(self, component_id: Any, props: dict, value: Any) -> None:
        """A library's select (the same code on both frameworks): a native `<select>` takes the option by value
        (dbc.Select); else the field is clicked and the option with the value's label picked from the listbox
        it opens (dmc.Select, whose `data` holds the options)."""
        timeout = self.timeout * 1000
        field = self.locator(component_id)
        if await field.evaluate("e => e.tagName", timeout=timeout) == "SELECT":
            await field.select_option(str(value), timeout=timeout)
            return
        choices = {"options": props.get("data", props.get("options"))}
        label = options_of(choices)[option_index(choices, value, f"select {component_id!r}")][1]
        await field.click(timeout=timeout)
        await self.page.locator("[role=option]").filter(has_text=_exactly(label)).first.click(timeout=timeout)

    async def _dash_dropdown(self, component_id: Any, props: dict, value: Any) -> None:
        """Dash 4's Dropdown: a button opening a popover list (selected options may move to its top, so an
        option is found by its label); a multi one toggles options and is closed with Escape."""
        timeout = self.timeout * 1000
        button = self.locator(component_id)
        if value is None or value == []:
            await button.locator(".dash-dropdown-clear").click(timeout=timeout)
            return
        if await button.get_attribute("aria-expanded", timeout=timeout) != "true":  # a search left it open
            await button.click(timeout=timeout)
        options = ".dash-dropdown-content [role=option]"
        menu = self.page.locator(options)
        for label in self._toggles(component_id, props, value):
            await self.page.wait_for_function(_LIST_SETTLED, arg=[options, time.monotonic()], polling="raf",
                                              timeout=timeout)
            await menu.filter(has_text=_exactly(label)).first.click(timeout=timeout)
        if props.get("multi"):
            await self.page.keyboard.press("Escape")

    def _toggles(self, component_id: Any, props: dict, value: Any) -> list[str]:
        """The labels to click: the one option, or for a multi Dropdown those to drop, then those to add."""
        where = f"select {component_id!r}"
        opts = options_of(props)
        if not props.get("multi"):
            return [opts[option_index(props, value, where)][1]]
        current = props.get("value") or []
        current = current if isinstance(current, list) else [current]
        wanted = list(value) if isinstance(value, (list, tuple)) else [value]
        flips = [v for v in current if v not in wanted] + [v for v in wanted if v not in current]
        return [opts[option_index(props, v, where)][1] for v in flips]

    async def _pw_dropdown(self, component_id: Any, props: dict, value: Any) -> None:
        """propwire's react-select: options in its menu (a multi one hides chosen ones; they go by their
        "Remove" buttons), the clear indicator to clear."""
        timeout = self.timeout * 1000
        box = self.locator(component_id)
        if value is None or value == []:
            await box.locator(".pw-dropdown__clear-indicator").click(timeout=timeout)
            return
        current = props.get("value") or []
        current = current if isinstance(current, list) else [current]
        chosen = {label for v, label in options_of(props) if props.get("multi") and v in current}
        for label in self._toggles(component_id, props, value):
            if label in chosen:
                await box.locator(f"[aria-label={json.dumps('Remove ' + label)}]").click(timeout=timeout)
                continue
            if not await self.page.locator(".pw-dropdown__menu").count():  # a search leaves the menu open
                await box.locator(".pw-dropdown__control").click(timeout=timeout)
            menu = self.page.locator(".pw-dropdown__menu .pw-dropdown__option")  # in a portal, as Dash's popover
            await menu.filter(has_text=_exactly(label)).first.click(timeout=timeout)
        if props.get("multi"):
            await self.page.keyboard.press("Escape")

    async def do_search(self, component_id: Any, text: str) -> None:
        """Fill a Dropdown's search field with `text` (one input event): Dash 4's popover opened by its button
        first, propwire's react-select input straight away (typing opens its menu)."""
        comp = await self.component(component_id)
        if comp["type"] != "Dropdown":
            raise StepError(f"search {component_id!r}: a {comp['type']} has no search field (a Dropdown has)")
        timeout = self.timeout * 1000
        box = self.locator(component_id)
        if self.framework == "dash":
            if await box.get_attribute("aria-expanded", timeout=timeout) != "true":
                await box.click(timeout=timeout)
            field = self.page.locator(".dash-dropdown-content input.dash-dropdown-search")
        else:
            field = box.locator("input.pw-dropdown__input, .pw-dropdown__input input").first
        await field.fill(text, timeout=timeout)

    async def do_slider_type(self, component_id: Any, box: int, text: str) -> None:
        """Fill a slider's number box (0 the min box, -1 the last) with `text`, then leave it."""
        await self.component(component_id)
        boxes = self.locator(component_id).locator("input[type=number]")
        count = await boxes.count()
        if not -count <= box < count:
            raise StepError(f"slider_type {component_id!r}: it has {count} number box(es), not a box {box}")
        field = boxes.nth(box % count)
        await field.fill(text, timeout=self.timeout * 1000)
        await field.blur(timeout=self.timeout * 1000)

    async def do_slide(self, component_id: Any, value: Any) -> None:
        """Click the Slider's rail where `value` is (one pointer press and release, as a user jumping to it).

        Both sliders (Dash 4's Radix one, propwire's rc-slider) map the pointer linearly over the rail's width.
        """
        comp = await self.component(component_id)
        props = comp["props"]
        lo, hi = props.get("min", 0), props.get("max", 10)
        rail = self.locator(component_id).locator(".dash-slider-root, .rc-slider").first
        box = await rail.bounding_box(timeout=self.timeout * 1000)
        if box is None:
            raise StepError(f"slide {component_id!r}: the slider is not visible")
        x = box["x"] + box["width"] * (value - lo) / (hi - lo)
        x = min(max(x, box["x"] + 0.5), box["x"] + box["width"] - 0.5)  # the rail's end pixels are inside it
        await self.page.mouse.click(x, box["y"] + box["height"] / 2)
