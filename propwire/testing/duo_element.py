"""`DuoElement`: a page element that reads and acts like a selenium WebElement, for Dash's `dash_duo` tests.

It holds a Playwright element handle (one DOM node, as a WebElement does: when the renderer replaces the node,
the element is stale). Actions are Playwright's real input: `click()` is a mouse click, `send_keys` types key by
key (WebDriver key codes from `Keys` included), `clear()` empties the field with one input event.

    el = dash_duo.find_element("#input")
    el.send_keys("hello", Keys.ENTER)
    assert el.get_attribute("value") == "hello"
"""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable
from typing import Any, Protocol, TypeVar

from propwire.api.suggest import did_you_mean
from propwire.testing.duo_keys import MODIFIERS, RELEASE, By, css_for, key_name

T = TypeVar("T")


class WebDriverException(Exception):
    """The base of the errors below, as selenium's (Dash's wait conditions catch it)."""


class NoSuchElementException(WebDriverException):
    """No element matched within the implicit wait (2 s, as Dash's Browser sets)."""


class StaleElementReferenceException(WebDriverException):
    """The element was removed from the page (the renderer replaced it) after it was found."""


class TimeoutException(WebDriverException):
    """A `wait_for_*` condition did not hold within its timeout; the message says what was found instead."""


class Runner(Protocol):
    """What an element needs from its browser: the Playwright page and a way to run its coroutines."""

    page: Any
    implicit_wait: float

    def call(self, func: Callable[..., Awaitable[T]], *args: Any) -> T: ...


# A CSS selector that is one id and nothing else (`#city-name`): a miss gets a did-you-mean.
_ID_SELECTOR = re.compile(r"#[A-Za-z_][\w-]*")
# Selenium's `.text`: the rendered text ('' when hidden), no-break spaces as spaces, lines trimmed.
_TEXT = """el => { const s = getComputedStyle(el);
  if (!el.getClientRects().length || s.visibility === 'hidden') return '';
  return el.innerText.replace(/\\u00a0/g, ' ').split('\\n').map(l => l.trim()).join('\\n').trim(); }"""
# Selenium's get_attribute: a property when the element has one (booleans as "true"/None), else the attribute.
_ATTRIBUTE = """(el, name) => { const prop = name === 'class' ? 'className' : name;
  if (prop in el && name !== 'style') { const v = el[prop];
    if (typeof v === 'boolean') return v ? 'true' : null;
    if (v === null || v === undefined) return el.getAttribute(name);
    if (typeof v !== 'object' && typeof v !== 'function') return String(v); }
  return el.getAttribute(name); }"""
# Selenium puts the caret at the end of a field it starts typing into (unless the field already has focus).
_FOCUS_END = """el => { if (document.activeElement === el) return; el.focus();
  try { const n = (el.value || '').length; el.setSelectionRange(n, n); } catch (e) { /* no caret here */ } }"""


def find(runner: Runner, root: Any, by: str, value: str, many: bool) -> Any:
    """Elements under `root` (the page or an element handle) for a locator, retried for the implicit wait."""
    selector = css_for(by, value)  # an XPath is evaluated from `root`, so "//x" searches the document (selenium's)
    deadline = time.monotonic() + runner.implicit_wait
    while True:
        handles = runner.call(root.query_selector_all, selector)
        if handles or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    found = [DuoElement(runner, h) for h in handles]
    if many:
        return found
    if not found:
        raise NoSuchElementException(f"no element matches {by}={value!r}{_id_hint(runner, by, value)}")
    return found[0]


def _id_hint(runner: Runner, by: str, value: str) -> str:
    """For `#some-id` (or By.ID) that matches nothing, the page's closest id: a typo is the usual cause."""
    wanted = value if by == "id" else value[1:] if by == "css selector" and _ID_SELECTOR.fullmatch(value) else None
    if wanted is None:
        return ""
    ids = runner.call(runner.page.evaluate, "() => Array.from(document.querySelectorAll('[id]'), e => e.id)")
    return did_you_mean(wanted, ids)


class DuoElement:
    """One element of the page, with the commonly used part of selenium's WebElement API."""

    def __init__(self, runner: Runner, handle: Any):
        self._runner = runner
        self.handle = handle  # the Playwright ElementHandle, for what this class does not offer

    def _alive(self) -> None:
        """StaleElementReferenceException unless the element is still in the page."""
        if not self._runner.call(self.handle.evaluate, "el => el.isConnected"):
            raise StaleElementReferenceException("the element is no longer in the page (it was re-rendered)")

    def _eval(self, script: str, arg: Any = None) -> Any:
        """Run `script` (a function of the element) once it is known to be in the page."""
        self._alive()
        return self._runner.call(self.handle.evaluate, script, arg)

    # -- reads ----------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The element's visible text, as selenium's `.text` ('' for a hidden element)."""
        return str(self._eval(_TEXT))

    @property
    def tag_name(self) -> str:
        """The element's tag, lower case."""
        return str(self._eval("el => el.tagName.toLowerCase()"))

    def get_attribute(self, name: str) -> str | None:
        """A property's value as a string (`value` is what the field holds now), else the attribute, else None."""
        value = self._eval(_ATTRIBUTE, name)
        return None if value is None else str(value)

    def get_dom_attribute(self, name: str) -> str | None:
        """The HTML attribute only (never a property)."""
        return self._eval("(el, n) => el.getAttribute(n)", name)

    def get_property(self, name: str) -> Any:
        """A DOM property's value (JSON-like values only)."""
        return self._eval("(el, n) => { const v = el[n]; return typeof v === 'function' ? null : v; }", name)

    def value_of_css_property(self, name: str) -> str:
        """The computed style's value for a CSS property (`rgba(...)` for colours, as Chromium gives it)."""
        return str(self._eval("(el, n) => getComputedStyle(el).getPropertyValue(n)", name))

    def is_displayed(self) -> bool:
        """Whether the element is rendered and not hidden."""
        return bool(self._eval("el => !!el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden'"))

    def is_enabled(self) -> bool:
        """False for a disabled form control."""
        return not self._eval("el => !!el.disabled")

    def is_selected(self) -> bool:
        """A checkbox's or radio's `checked`, an option's `selected`."""
        return bool(self._eval("el => !!(el.checked || el.selected)"))

    @property
    def size(self) -> dict[str, float]:
        """{"width", "height"} in CSS pixels."""
        box = self._eval("el => { const r = el.getBoundingClientRect(); return {width: r.width, height: r.height}; }")
        return dict(box)

    @property
    def location(self) -> dict[str, float]:
        """{"x", "y"}: the element's top-left corner in the page."""
        return dict(self._eval("el => { const r = el.getBoundingClientRect(); "
                               "return {x: r.left + window.scrollX, y: r.top + window.scrollY}; }"))

    def find_element(self, by: str = By.CSS_SELECTOR, value: str = "") -> DuoElement:
        """The first element inside this one for a locator (`By.CSS_SELECTOR, ".x"`)."""
        return find(self._runner, self.handle, by, value, many=False)

    def find_elements(self, by: str = By.CSS_SELECTOR, value: str = "") -> list[DuoElement]:
        """Every element inside this one for a locator ([] when none appears within the implicit wait)."""
        return find(self._runner, self.handle, by, value, many=True)

    # -- actions --------------------------------------------------------------------------

    def click(self) -> None:
        """A real mouse click at the element's centre (Playwright scrolls it into view and waits until it can)."""
        self._alive()
        self._runner.call(self.handle.click)

    def clear(self) -> None:
        """Empty a field (one input event, so the renderer sees the new value)."""
        self._alive()
        self._runner.call(self.handle.fill, "")

    def send_keys(self, *values: Any) -> None:
        """Type into the element: characters one key at a time, `Keys` codes as their keys; a modifier (SHIFT,
        CONTROL, ALT, META) stays down until `Keys.NULL` or the end of the call, as in selenium."""
        self._eval(_FOCUS_END)
        keyboard = self._runner.page.keyboard
        held: list[str] = []
        for char in "".join(str(v) for v in values):
            if char == RELEASE:
                self._release(held)
                continue
            if char in MODIFIERS:
                held.append(MODIFIERS[char])
                self._runner.call(keyboard.down, MODIFIERS[char])
                continue
            name = key_name(char)
            if name is None and not held:
                self._runner.call(keyboard.type, char)
            else:  # a held Shift makes a letter a capital, as a keyboard does (Playwright's press keeps its case)
                self._runner.call(keyboard.press, name or (char.upper() if "Shift" in held else char))
        self._release(held)

    def _release(self, held: list[str]) -> None:
        while held:
            self._runner.call(self._runner.page.keyboard.up, held.pop())

    def screenshot(self, filename: str) -> bool:
        """Save a PNG of the element."""
        self._runner.call(lambda: self.handle.screenshot(path=filename))
        return True

    def __repr__(self) -> str:
        return f"<DuoElement {self._runner.call(self.handle.evaluate, 'el => el.outerHTML.slice(0, 80)')}>"
