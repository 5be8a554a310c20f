"""The core interactive components (namespace "dcc"): inputs, selectors, sliders, stores, timers, navigation."""

from __future__ import annotations

from typing import Any, ClassVar

from propwire.components.base import (
    ANY,
    BOOL,
    DICT,
    ID,
    INTEGER,
    LIST,
    NODE,
    NUMBER,
    STRING,
    Component,
    PropError,
    PropType,
    enum,
    list_of,
)

__all__ = [
    "Checklist",
    "Dropdown",
    "Input",
    "Interval",
    "Link",
    "Location",
    "Markdown",
    "RadioItems",
    "RangeSlider",
    "Slider",
    "Store",
    "Textarea",
]

_SCALAR = STRING | NUMBER | BOOL


def _is_options(v: Any) -> bool:
    if isinstance(v, dict):  # {value: label}
        return all(NODE.check(label) for label in v.values())
    if not isinstance(v, (list, tuple)):
        return False
    return all(
        _SCALAR.check(o) or (isinstance(o, dict) and "value" in o and "label" in o and _SCALAR.check(o["value"]))
        for o in v
    )


def _is_marks(v: Any) -> bool:
    def key_ok(k: Any) -> bool:
        if NUMBER.check(k):
            return True
        try:
            float(k)
            return isinstance(k, str)
        except (TypeError, ValueError):
            return False

    def label_ok(m: Any) -> bool:
        return isinstance(m, str) or (isinstance(m, dict) and set(m) <= {"label", "style"})

    return isinstance(v, dict) and all(key_ok(k) and label_ok(m) for k, m in v.items())


OPTIONS = PropType("a list of values or of {label, value[, disabled]} dicts, or a dict value -> label", _is_options)
MARKS = PropType("a dict of number -> label string or {label, style}", _is_marks)
NUMERIC = NUMBER | STRING

_BOX = {"id": ID, "className": STRING, "style": DICT}


def _flag(*spellings: str) -> PropType:
    """A boolean attribute, which Dash also takes as its HTML spellings ("readonly", "READONLY", ...)."""
    return BOOL | enum(*spellings)


# Every prop Dash 4.4.1's dcc.Input declares (persistence aside: propwire has none yet, so it stays an
# unknown prop), in Dash's order. The HTML attributes among them go straight onto the <input>.
_INPUT_PROPS: tuple[tuple[str, PropType], ...] = (
    ("value", STRING | NUMBER),
    ("type", enum("text", "number", "password", "email", "range", "search", "tel", "url", "hidden")),
    ("debounce", BOOL | NUMBER),
    ("placeholder", STRING | NUMBER),
    ("n_submit", NUMBER),
    ("n_submit_timestamp", NUMBER),
    ("inputMode", enum("verbatim", "latin", "latin-name", "latin-prose", "full-width-latin", "kana", "katakana",
                       "numeric", "tel", "email", "url")),
    ("autoComplete", STRING),
    ("readOnly", _flag("readOnly", "readonly", "READONLY")),
    ("required", _flag("required", "REQUIRED")),
    ("autoFocus", _flag("autoFocus", "autofocus", "AUTOFOCUS")),
    ("disabled", _flag("disabled", "DISABLED")),
    ("list", STRING),
    ("multiple", BOOL),
    ("spellCheck", BOOL | enum("true", "false")),
    ("name", STRING),
    ("min", NUMERIC),
    ("max", NUMERIC),
    ("step", NUMERIC),
    ("minLength", NUMERIC),
    ("maxLength", NUMERIC),
    ("pattern", STRING),
    ("selectionStart", NUMERIC),
    ("selectionEnd", NUMERIC),
    ("selectionDirection", enum("forward", "backward", "none")),
    ("n_blur", NUMBER),
    ("n_blur_timestamp", NUMBER),
    ("size", NUMERIC),
)


class Input(Component):
    """A text or number field whose `value` callbacks read, optionally only on Enter or blur (debounce).

    Example: ``dcc.Input(id="name", type="text", placeholder="Your name", debounce=True)``
    """

    _namespace = "dcc"
    _type = "Input"
    _positional = ("value", "type", "debounce", "placeholder", "n_submit", "n_submit_timestamp", "inputMode",
                   "autoComplete", "readOnly", "required", "autoFocus", "disabled", "list", "multiple", "spellCheck",
                   "name", "min", "max", "step", "minLength", "maxLength", "pattern", "selectionStart",
                   "selectionEnd", "selectionDirection", "n_blur", "n_blur_timestamp", "size", "style", "className",
                   "persistence", "persisted_props", "persistence_type", "id")
    _props = {**_BOX, **{name: kind for name, kind in _INPUT_PROPS}}
    _defaults = {"type": "text", "debounce": False}  # n_submit, n_blur: unset (None to callbacks) until counted, as in Dash


class Textarea(Component):
    """A multi-line text field; callbacks read `value`, `n_blur` and `n_clicks`.

    Example: ``dcc.Textarea(id="notes", placeholder="Notes", rows=4)``
    """

    _namespace = "dcc"
    _type = "Textarea"
    _positional = ("value", "autoFocus", "cols", "disabled", "form", "maxLength", "minLength", "name", "placeholder",
                   "readOnly", "required", "rows", "wrap", "accessKey", "contentEditable", "contextMenu", "dir",
                   "draggable", "hidden", "lang", "spellCheck", "style", "tabIndex", "title", "n_blur",
                   "n_blur_timestamp", "n_clicks", "n_clicks_timestamp", "className", "persistence",
                   "persisted_props", "persistence_type", "id")
    _props = {
        **_BOX,
        "value": STRING,
        "placeholder": STRING,
        "rows": INTEGER | STRING,
        "cols": INTEGER | STRING,
        "disabled": BOOL,
        "readOnly": BOOL,
        "maxLength": INTEGER | STRING,
        "minLength": INTEGER | STRING,
        "required": BOOL,
        "autoFocus": BOOL,
        "name": STRING,
        "wrap": STRING,
        "n_blur": INTEGER,
        "n_blur_timestamp": INTEGER,
        "n_clicks": INTEGER,
        "n_clicks_timestamp": INTEGER,
    }
    _defaults: dict = {}  # n_blur, n_clicks: unset (None to callbacks) until counted, as in Dash


_CHOICES = {
    **_BOX,
    "options": OPTIONS,
    "inline": BOOL,
    "inputStyle": DICT,
    "inputClassName": STRING,
    "labelStyle": DICT,
    "labelClassName": STRING,
}


class Checklist(Component):
    """A list of checkboxes; `value` is the list of checked option values.

    Example: ``dcc.Checklist(["New York", "Paris"], ["Paris"], id="cities", inline=True)``
    """

    _namespace = "dcc"
    _type = "Checklist"
    _positional = ("options", "value", "inline", "style", "inputStyle", "inputClassName", "labelStyle",
                   "labelClassName", "className", "persistence", "persisted_props", "persistence_type", "id")
    _props = {**_CHOICES, "value": LIST}
    _defaults = {"value": [], "inline": False}


class RadioItems(Component):
    """A group of radio buttons; `value` is the one selected option value.

    Example: ``dcc.RadioItems(["Linear", "Log"], "Linear", id="scale")``
    """

    _namespace = "dcc"
    _type = "RadioItems"
    _positional = ("options", "value", "inline", "style", "inputStyle", "inputClassName", "labelStyle",
                   "labelClassName", "className", "persistence", "persisted_props", "persistence_type", "id")
    _props = {**_CHOICES, "value": _SCALAR}
    _defaults = {"inline": False}


class Dropdown(Component):
    """A searchable select; `value` is one option value, or a list of them when `multi`.

    Example: ``dcc.Dropdown({"nyc": "New York", "par": "Paris"}, "nyc", id="city")``
    """

    _namespace = "dcc"
    _type = "Dropdown"
    _positional = ("options", "value", "multi", "clearable", "searchable", "search_value", "placeholder", "disabled",
                   "closeOnSelect", "optionHeight", "maxHeight", "style", "labels", "debounce", "search_order",
                   "className", "persistence", "persisted_props", "persistence_type", "id")
    _props = {
        **_BOX,
        "options": OPTIONS,
        "value": _SCALAR | LIST,
        "multi": BOOL,
        "clearable": BOOL,
        "searchable": BOOL,
        "placeholder": STRING,
        "disabled": BOOL,
        "search_value": STRING,
        "optionHeight": NUMBER,
        "maxHeight": NUMBER,
        "labels": DICT,  # Dash 4.4.1's texts; `selected_count` ("{num_selected} selected") is the one drawn
    }
    _defaults = {"multi": False, "clearable": True, "searchable": True}


_SLIDER = {
    **_BOX,
    "min": NUMBER,
    "max": NUMBER,
    "step": NUMBER,
    "marks": MARKS,
    "included": BOOL,
    "vertical": BOOL,
    "disabled": BOOL,
    "dots": BOOL,
    "updatemode": enum("mouseup", "drag"),
    "tooltip": DICT,
}


class _Bounded(Component):
    """Shared check of the sliders: a range with min above max cannot be rendered."""

    def _check(self) -> None:
        lo, hi = self._values.get("min"), self._values.get("max")
        if lo is not None and hi is not None and lo > hi:
            raise PropError(f"{self._name()}{self._where()}: prop 'min' ({lo!r}) must be <= prop 'max' ({hi!r})")


class Slider(_Bounded):
    """A slider for one number, with optional labelled marks.

    Example: ``dcc.Slider(0, 20, 5, value=10, id="level")``
    """

    _namespace = "dcc"
    _type = "Slider"
    _positional = ("min", "max", "step", "marks", "value", "drag_value", "disabled", "dots", "included", "reverse",
                   "tooltip", "updatemode", "vertical", "verticalHeight", "allow_direct_input", "className",
                   "persistence", "persisted_props", "persistence_type", "id")
    _props = {**_SLIDER, "value": NUMBER}
    _defaults = {"updatemode": "mouseup"}


class RangeSlider(_Bounded):
    """A slider with several handles; `value` is the sorted list of their positions.

    Example: ``dcc.RangeSlider(0, 100, 10, value=[20, 80], id="window")``
    """

    _namespace = "dcc"
    _type = "RangeSlider"
    _positional = ("min", "max", "step", "marks", "value", "drag_value", "allowCross", "pushable", "disabled",
                   "count", "dots", "included", "reverse", "tooltip", "updatemode", "vertical", "verticalHeight",
                   "allow_direct_input", "className", "persistence", "persisted_props", "persistence_type", "id")
    _props = {
        **_SLIDER,
        "value": list_of(NUMBER),
        "allowCross": BOOL,
        "pushable": BOOL | NUMBER,
        "count": INTEGER,
    }
    _defaults = {"updatemode": "mouseup"}


class Store(Component):
    """Keeps JSON data in the browser (memory, localStorage or sessionStorage) for callbacks to share.

    Example: ``dcc.Store("session-data", storage_type="session")``
    """

    _namespace = "dcc"
    _type = "Store"
    _positional = ("id", "storage_type", "data", "clear_data", "modified_timestamp")
    _props = {
        "id": ID,
        "data": ANY,
        "storage_type": enum("memory", "local", "session"),
        "clear_data": BOOL,
        "modified_timestamp": INTEGER,
    }
    _defaults = {"storage_type": "memory"}
    _client_props: ClassVar[frozenset[str]] = frozenset({"data", "modified_timestamp"})

    def client_owned_props(self) -> frozenset[str]:
        """Props whose value at load only the browser knows. Local and session stores hold data (and its
        time stamp) from an earlier visit that the server never saw; a store with data in the layout stamps
        modified_timestamp as it mounts (as Dash's does), so callbacks on it see the stamp in their initial call."""
        if self.storage_type in ("local", "session"):
            return self._client_props
        return frozenset({"modified_timestamp"}) if getattr(self, "data", None) is not None else frozenset()


class Interval(Component):
    """Fires a callback every `interval` ms by counting up `n_intervals`.

    Example: ``dcc.Interval("tick", interval=5000, max_intervals=10)``
    """

    _namespace = "dcc"
    _type = "Interval"
    _positional = ("id", "interval", "disabled", "n_intervals", "max_intervals")
    _props = {
        "id": ID,
        "interval": NUMBER,
        "n_intervals": INTEGER,
        "max_intervals": INTEGER,
        "disabled": BOOL,
    }
    _defaults = {"interval": 1000, "n_intervals": 0, "max_intervals": -1}


class Location(Component):
    """The browser's URL as props, so callbacks can read and set the page path (multi-page apps).

    Example: ``dcc.Location("url", refresh=False)``
    """

    _namespace = "dcc"
    _type = "Location"
    _positional = ("id", "pathname", "search", "hash", "href", "refresh")
    _props = {
        "id": ID,
        "pathname": STRING,
        "search": STRING,
        "hash": STRING,
        "href": STRING,
        "refresh": BOOL | enum("callback-nav"),
    }
    _defaults = {"refresh": False}
    _client_props: ClassVar[frozenset[str]] = frozenset({"hash", "href"})


class Link(Component):
    """An in-app link that changes the URL without reloading the page (unless `refresh`).

    Example: ``dcc.Link("Reports", href="/reports")``
    """

    _namespace = "dcc"
    _type = "Link"
    _positional = ("children", "href", "target", "refresh", "title", "className", "style", "id")
    _props = {
        **_BOX,
        "children": NODE,
        "href": STRING,
        "refresh": BOOL,
        "target": STRING,
        "title": STRING,
    }
    _defaults = {"refresh": False}


class Markdown(Component):
    """Renders Markdown text, so prose needs no html.* tree.

    Example: ``dcc.Markdown("# Title\\n\\nSome *emphasis*.")``
    """

    _namespace = "dcc"
    _type = "Markdown"
    _positional = ("children", "id", "className", "mathjax", "dangerously_allow_html", "link_target", "dedent",
                   "highlight_config", "style")
    _props = {
        **_BOX,
        "children": STRING | list_of(STRING),
        "dangerously_allow_html": BOOL,
        "link_target": STRING,
        "dedent": BOOL,
    }
    _defaults = {"dangerously_allow_html": False, "dedent": True}
