"""Selenium's locator strategies (`By`) and key codes (`Keys`), for tests written for Dash's `dash_duo`.

Selenium is not a dependency: the values here are the W3C WebDriver ones (a locator strategy's name; a key's
private-use code point), so a test that still imports `By`/`Keys` from selenium passes the same values.

>>> from propwire.testing.duo_keys import By, Keys
>>> By.ID, Keys.ENTER == "\\ue007"
('id', True)
"""

from __future__ import annotations

import json


class By:
    """Locator strategies, as selenium names them (`find_element(By.ID, "out")`)."""

    ID = "id"
    XPATH = "xpath"
    LINK_TEXT = "link text"
    PARTIAL_LINK_TEXT = "partial link text"
    NAME = "name"
    TAG_NAME = "tag name"
    CLASS_NAME = "class name"
    CSS_SELECTOR = "css selector"


class Keys:
    """The WebDriver key codes (private-use characters) that `send_keys` understands, as selenium spells them."""

    NULL = "\ue000"
    BACKSPACE = "\ue003"
    BACK_SPACE = BACKSPACE
    TAB = "\ue004"
    RETURN = "\ue006"
    ENTER = "\ue007"
    SHIFT = "\ue008"
    LEFT_SHIFT = SHIFT
    CONTROL = "\ue009"
    LEFT_CONTROL = CONTROL
    ALT = "\ue00a"
    LEFT_ALT = ALT
    ESCAPE = "\ue00c"
    SPACE = "\ue00d"
    PAGE_UP = "\ue00e"
    PAGE_DOWN = "\ue00f"
    END = "\ue010"
    HOME = "\ue011"
    LEFT = "\ue012"
    ARROW_LEFT = LEFT
    UP = "\ue013"
    ARROW_UP = UP
    RIGHT = "\ue014"
    ARROW_RIGHT = RIGHT
    DOWN = "\ue015"
    ARROW_DOWN = DOWN
    INSERT = "\ue016"
    DELETE = "\ue017"
    SEMICOLON = "\ue018"
    EQUALS = "\ue019"
    NUMPAD0, NUMPAD1, NUMPAD2, NUMPAD3, NUMPAD4 = "\ue01a", "\ue01b", "\ue01c", "\ue01d", "\ue01e"
    NUMPAD5, NUMPAD6, NUMPAD7, NUMPAD8, NUMPAD9 = "\ue01f", "\ue020", "\ue021", "\ue022", "\ue023"
    MULTIPLY = "\ue024"
    ADD = "\ue025"
    SUBTRACT = "\ue027"
    DECIMAL = "\ue028"
    DIVIDE = "\ue029"
    F1, F2, F3, F4, F5, F6 = "\ue031", "\ue032", "\ue033", "\ue034", "\ue035", "\ue036"
    F7, F8, F9, F10, F11, F12 = "\ue037", "\ue038", "\ue039", "\ue03a", "\ue03b", "\ue03c"
    META = "\ue03d"
    COMMAND = META


# A WebDriver key code -> the key name Playwright presses.
_NAMES = {
    "\ue003": "Backspace", "\ue004": "Tab", "\ue006": "Enter", "\ue007": "Enter", "\ue00c": "Escape",
    "\ue00d": " ", "\ue00e": "PageUp", "\ue00f": "PageDown", "\ue010": "End", "\ue011": "Home",
    "\ue012": "ArrowLeft", "\ue013": "ArrowUp", "\ue014": "ArrowRight", "\ue015": "ArrowDown",
    "\ue016": "Insert", "\ue017": "Delete", "\ue018": ";", "\ue019": "=",
    "\ue024": "NumpadMultiply", "\ue025": "NumpadAdd", "\ue027": "NumpadSubtract", "\ue028": "NumpadDecimal",
    "\ue029": "NumpadDivide",
    **{chr(0xE01A + n): f"Numpad{n}" for n in range(10)},
    **{chr(0xE031 + n): f"F{n + 1}" for n in range(12)},
}
MODIFIERS = {"\ue008": "Shift", "\ue009": "Control", "\ue00a": "Alt", "\ue03d": "Meta"}
RELEASE = Keys.NULL


def key_name(char: str) -> str | None:
    """Playwright's name for a WebDriver key code; None for a plain character; ValueError for a code with none.

    >>> key_name(Keys.ENTER), key_name("a")
    ('Enter', None)
    """
    if not "\ue000" <= char <= "\uf8ff":
        return None
    if char in _NAMES:
        return _NAMES[char]
    raise ValueError(f"send_keys: the WebDriver key U+{ord(char):04X} has no key in a browser page that "
                     f"propwire's dash_duo can press (CANCEL, HELP, CLEAR, PAUSE and SEPARATOR have none)")


def css_for(by: str, value: str) -> str:
    """A Playwright selector for a selenium locator (`By.ID, "x"` -> `[id="x"]`); ValueError for an unknown one.

    >>> css_for(By.ID, "out"), css_for(By.CLASS_NAME, "tab")
    ('[id="out"]', '.tab')
    """
    quoted = json.dumps(value)
    table = {
        By.CSS_SELECTOR: value, By.ID: f"[id={quoted}]", By.NAME: f"[name={quoted}]", By.TAG_NAME: value,
        By.CLASS_NAME: "." + ".".join(value.split()), By.XPATH: f"xpath={value}",
        By.LINK_TEXT: f"a:text-is({quoted})", By.PARTIAL_LINK_TEXT: f"a:has-text({quoted})",
    }
    if by not in table:
        raise ValueError(f"find_element: unknown locator strategy {by!r} (one of {sorted(table)})")
    return table[by]
