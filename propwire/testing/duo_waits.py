"""The `wait_for_*` conditions and input helpers of `dash_duo` (DuoBrowser's half that polls and types).

Each wait polls its condition every 0.1 s until it holds or `timeout` (default: the fixture's `wait_timeout`)
passes, then raises `TimeoutException` with the message Dash's tests expect ("text -> X not found within 1.0s,
found: Y"), so a test asserting on it runs unchanged.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from propwire.testing.duo_element import DuoElement, TimeoutException, WebDriverException
from propwire.testing.duo_keys import By


class DuoWaits:
    """Mixin: needs `driver`, `wait_timeout`, `find_element`, `_get_element` and `_query` (DuoBrowser)."""

    driver: Any
    wait_timeout: float
    find_element: Callable[..., DuoElement]
    _get_element: Callable[[Any], DuoElement]
    _query: Callable[[str], DuoElement | None]

    def _wait_for(self, condition: Callable[[], Any], timeout: float | None, msg: str | Callable[[], str]) -> Any:
        """Poll `condition` (a WebDriverException counts as not yet) until it returns a truthy value."""
        deadline = time.monotonic() + (self.wait_timeout if timeout is None else timeout)
        while True:
            try:
                result = condition()
            except WebDriverException:
                result = None
            if result:
                return result
            if time.monotonic() > deadline:
                raise TimeoutException(msg() if callable(msg) else msg)
            time.sleep(0.1)

    def _text_or_value(self, selector: str, test: Callable[[str], bool]) -> bool:
        elem = self._query(selector)
        if elem is None:
            return False
        value = elem.get_attribute("value")
        return test(elem.text) or (value is not None and test(value))

    def _found(self, selector: str) -> str:
        elem = self._query(selector)
        return f"{selector} not found" if elem is None else f"found: {elem.text}"

    def wait_for_element(self, selector: str, timeout: float | None = None) -> DuoElement:
        """The element for a CSS selector, once it is in the page."""
        return self.wait_for_element_by_css_selector(selector, timeout)

    def wait_for_element_by_css_selector(self, selector: str, timeout: float | None = None) -> DuoElement:
        """As wait_for_element."""
        return self._wait_for(lambda: self._query(selector), timeout,
                              f"timeout {timeout or self.wait_timeout}s => waiting for selector {selector}")

    def wait_for_element_by_id(self, element_id: str, timeout: float | None = None) -> DuoElement:
        """The element with this id, once it is in the page."""
        selector = f"[id={_quoted(element_id)}]"
        return self._wait_for(lambda: self._query(selector), timeout,
                              f"timeout {timeout or self.wait_timeout}s => waiting for element id {element_id}")

    def wait_for_no_elements(self, selector: str, timeout: float | None = None) -> None:
        """Until nothing matches the CSS selector."""
        count = "return document.querySelectorAll(arguments[0]).length === 0"
        self._wait_for(lambda: self.driver.execute_script(count, selector), timeout,
                       f"timeout {timeout or self.wait_timeout}s => {selector} still in the page")

    def wait_for_text_to_equal(self, selector: str, text: str, timeout: float | None = None) -> bool:
        """Until the element's text (or its field's value) is `text`."""
        return self._wait_for(lambda: self._text_or_value(selector, lambda t: t == text), timeout,
                              lambda: f"text -> {text} not found within {timeout or self.wait_timeout}s, "
                                      f"{self._found(selector)}")

    def wait_for_contains_text(self, selector: str, text: str, timeout: float | None = None) -> bool:
        """Until the element's text (or its field's value) contains `text`."""
        return self._wait_for(lambda: self._text_or_value(selector, lambda t: text in t), timeout,
                              lambda: f"text -> {text} not found inside element within "
                                      f"{timeout or self.wait_timeout}s, {self._found(selector)}")

    def wait_for_style_to_equal(self, selector: str, style: str, val: str, timeout: float | None = None) -> bool:
        """Until the element's computed `style` property is `val` (colours as Chromium gives them: rgb(...))."""
        def holds() -> bool:
            elem = self._query(selector)
            return elem is not None and elem.value_of_css_property(style) == val

        return self._wait_for(holds, timeout,
                              f"style val => {style} {val} not found within {timeout or self.wait_timeout}s")

    def wait_for_class_to_equal(self, selector: str, classname: str, timeout: float | None = None) -> bool:
        """Until the element's class attribute is exactly `classname`."""
        return self._wait_for(lambda: self._class_of(selector) == classname, timeout,
                              f"classname => {classname} not found within {timeout or self.wait_timeout}s")

    def wait_for_contains_class(self, selector: str, classname: str, timeout: float | None = None) -> bool:
        """Until `classname` is one of the element's classes."""
        return self._wait_for(lambda: classname in str(self._class_of(selector)).split(" "), timeout,
                              f"classname -> {classname} not found inside element within "
                              f"{timeout or self.wait_timeout}s")

    def _class_of(self, selector: str) -> str | None:
        elem = self._query(selector)
        return None if elem is None else elem.get_attribute("class")

    # -- input helpers ------------------------------------------------------------------------

    def multiple_click(self, elem_or_selector: DuoElement | str, clicks: int, delay: float | None = None) -> None:
        """Click the element `clicks` times (finding it again each time, so a re-rendered one is still hit)."""
        for _ in range(clicks):
            self._get_element(elem_or_selector).click()
            if delay:
                time.sleep(delay)

    def clear_input(self, elem_or_selector: DuoElement | str) -> None:
        """Empty a field as a person does: click it, select its text with Shift+Home from the end, Delete."""
        elem = self._get_element(elem_or_selector)
        elem.click()
        keyboard = self.driver.page.keyboard
        for press in ("End", "Shift+Home", "Delete"):
            self.driver.call(keyboard.press, press)

    def select_dcc_dropdown(self, elem_or_selector: DuoElement | str, value: str | None = None,
                            index: int | None = None) -> None:
        """Open a dcc.Dropdown's menu and click the option whose label is `value` (or the `index`-th one);
        ValueError when none matches (Dash only logs it, and the test then fails further on)."""
        self._get_element(elem_or_selector).click()
        menu = self.find_element(".pw-dropdown__menu")
        options = menu.find_elements(By.CSS_SELECTOR, ".pw-dropdown__option")
        if isinstance(index, int) and 0 <= index < len(options):
            options[index].click()
            return
        for option in options:
            if option.text == value:
                option.click()
                return
        raise ValueError(f"select_dcc_dropdown: no option with value={value!r} or index={index!r} "
                         f"(the options: {[o.text for o in options]})")

    def click_at_coord_fractions(self, elem_or_selector: DuoElement | str, fx: float, fy: float) -> None:
        """Click at (fx, fy) of the element's box, fractions of its width and height from its top-left corner."""
        elem = self._get_element(elem_or_selector)
        size = elem.size
        self.driver.call(lambda: elem.handle.click(position={"x": size["width"] * fx, "y": size["height"] * fy}))


def _quoted(text: str) -> str:
    import json

    return json.dumps(text)
