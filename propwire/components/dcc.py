"""The core interactive components (namespace "dcc"): inputs, selectors, sliders, stores, timers, navigation."""

from __future__ import annotations

from typing import ClassVar

from propwire.components import dcc_signatures as typed
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
    enum,
    list_of,
)
from propwire.components.dcc_buttons import Button, Clipboard, ConfirmDialog, ConfirmDialogProvider
from propwire.components.dcc_dates import DatePickerRange, DatePickerSingle
from propwire.components.dcc_files import Download, Upload
from propwire.components.dcc_geolocation import Geolocation
from propwire.components.dcc_graph import Graph
from propwire.components.dcc_overlays import Loading, Tooltip
from propwire.components.dcc_props import _BOX, _INPUT_PROPS, _SCALAR, MARKS, OPTIONS, TOOLTIP
from propwire.components.dcc_tabs import Tab, Tabs
from propwire.components.persistence import Persistent, persistence_props
from propwire.components.spec import Bundle, Verb

__all__ = [
    "Button",
    "Checklist",
    "Clipboard",
    "ConfirmDialog",
    "ConfirmDialogProvider",
    "DatePickerRange",
    "DatePickerSingle",
    "Download",
    "Dropdown",
    "Geolocation",
    "Graph",
    "Input",
    "Interval",
    "Link",
    "Loading",
    "Location",
    "Markdown",
    "RadioItems",
    "RangeSlider",
    "Slider",
    "Store",
    "Tab",
    "Tabs",
    "Textarea",
    "Tooltip",
    "Upload",
]

class Input(typed.Input, Persistent):
    """A text or number field whose `value` callbacks read, optionally only on Enter or blur (debounce).

    Example: ``dcc.Input(id="name", type="text", placeholder="Your name", debounce=True)``
    """

    _namespace = "dcc"
    _type = "Input"
    _verbs = {"type": Verb("value"), "blur": Verb("n_blur", "count")}
    _bundle = Bundle("input")
    _positional = ("value", "type", "debounce", "placeholder", "n_submit", "n_submit_timestamp", "inputMode",
                   "autoComplete", "readOnly", "required", "autoFocus", "disabled", "list", "multiple", "spellCheck",
                   "name", "min", "max", "step", "minLength", "maxLength", "pattern", "selectionStart",
                   "selectionEnd", "selectionDirection", "n_blur", "n_blur_timestamp", "size", "style", "className",
                   "persistence", "persisted_props", "persistence_type", "id")
    _persisted = ("value",)
    _props = {**_BOX, **{name: kind for name, kind in _INPUT_PROPS}, **persistence_props("value")}
    _defaults = {"type": "text", "debounce": False}  # n_submit, n_blur: unset (None to callbacks) until counted, as in Dash


class Textarea(typed.Textarea, Persistent):
    """A multi-line text field; callbacks read `value`, `n_blur` and `n_clicks`.

    Example: ``dcc.Textarea(id="notes", placeholder="Notes", rows=4)``
    """

    _namespace = "dcc"
    _type = "Textarea"
    _verbs = {"type": Verb("value"), "blur": Verb("n_blur", "count"), "click": Verb("n_clicks", "count")}
    _bundle = Bundle("textarea")
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
        **persistence_props("value"),
    }
    _persisted = ("value",)
    _defaults: ClassVar[dict] = {}  # n_blur, n_clicks: unset (None to callbacks) until counted, as in Dash


_CHOICES = {
    **_BOX,
    "options": OPTIONS,
    "inline": BOOL,
    "inputStyle": DICT,
    "inputClassName": STRING,
    "labelStyle": DICT,
    "labelClassName": STRING,
}


class Checklist(typed.Checklist, Persistent):
    """A list of checkboxes; `value` is the list of checked option values.

    Example: ``dcc.Checklist(["New York", "Paris"], ["Paris"], id="cities", inline=True)``
    """

    _namespace = "dcc"
    _type = "Checklist"
    _verbs = {"check": Verb("value", "toggle")}
    _bundle = Bundle("choices")
    _positional = ("options", "value", "inline", "style", "inputStyle", "inputClassName", "labelStyle",
                   "labelClassName", "className", "persistence", "persisted_props", "persistence_type", "id")
    _persisted = ("value",)
    _props = {**_CHOICES, "value": LIST, **persistence_props("value")}
    _defaults = {"value": [], "inline": False}


class RadioItems(typed.RadioItems, Persistent):
    """A group of radio buttons; `value` is the one selected option value.

    Example: ``dcc.RadioItems(["Linear", "Log"], "Linear", id="scale")``
    """

    _namespace = "dcc"
    _type = "RadioItems"
    _verbs = {"select": Verb("value")}
    _bundle = Bundle("choices")
    _positional = ("options", "value", "inline", "style", "inputStyle", "inputClassName", "labelStyle",
                   "labelClassName", "className", "persistence", "persisted_props", "persistence_type", "id")
    _persisted = ("value",)
    _props = {**_CHOICES, "value": _SCALAR, **persistence_props("value")}
    _defaults = {"inline": False}


class Dropdown(typed.Dropdown, Persistent):
    """A searchable select; `value` is one option value, or a list of them when `multi`.

    Example: ``dcc.Dropdown({"nyc": "New York", "par": "Paris"}, "nyc", id="city")``
    """

    _namespace = "dcc"
    _type = "Dropdown"
    _verbs = {"select": Verb("value"), "search": Verb("search_value")}
    _bundle = Bundle("dropdown", "default", lazy=True)
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
        "labels": DICT,  # Dash 4.4.1's texts; selected_count ("{num_selected} selected") is drawn
        **persistence_props("value"),
    }
    _persisted = ("value",)
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
    "tooltip": TOOLTIP,
    "allow_direct_input": BOOL,  # Dash 4's number box(es) beside it (none if vertical, step None, > 2 handles)
}


class _Bounded(Component):
    """Shared check of the sliders: a range with min above max cannot be rendered."""

    def _check(self) -> None:
        lo, hi = self._values.get("min"), self._values.get("max")
        if lo is not None and hi is not None and lo > hi:
            raise PropError(f"{self._name()}{self._where()}: prop 'min' ({lo!r}) must be <= prop 'max' ({hi!r})")


class Slider(typed.Slider, Persistent, _Bounded):
    """A slider for one number, with optional labelled marks.

    Example: ``dcc.Slider(0, 20, 5, value=10, id="level")``
    """

    _namespace = "dcc"
    _type = "Slider"
    _bundle = Bundle("slider", lazy=True)
    _positional = ("min", "max", "step", "marks", "value", "drag_value", "disabled", "dots", "included", "reverse",
                   "tooltip", "updatemode", "vertical", "verticalHeight", "allow_direct_input", "className",
                   "persistence", "persisted_props", "persistence_type", "id")
    _persisted = ("value",)
    _props = {**_SLIDER, "value": NUMBER, "drag_value": NUMBER, **persistence_props("value")}
    _defaults = {"updatemode": "mouseup"}
    _follows = {"value": ("drag_value",)}  # Dash's slider sets drag_value to a value a callback set, at once


class RangeSlider(typed.RangeSlider, Persistent, _Bounded):
    """A slider with several handles; `value` is the sorted list of their positions.

    Example: ``dcc.RangeSlider(0, 100, 10, value=[20, 80], id="window")``
    """

    _namespace = "dcc"
    _type = "RangeSlider"
    _bundle = Bundle("slider", lazy=True)
    _positional = ("min", "max", "step", "marks", "value", "drag_value", "allowCross", "pushable", "disabled",
                   "count", "dots", "included", "reverse", "tooltip", "updatemode", "vertical", "verticalHeight",
                   "allow_direct_input", "className", "persistence", "persisted_props", "persistence_type", "id")
    _props = {
        **_SLIDER,
        "value": list_of(NUMBER),
        "drag_value": list_of(NUMBER),
        "allowCross": BOOL,
        "pushable": BOOL | NUMBER,
        "count": INTEGER,
        **persistence_props("value"),
    }
    _persisted = ("value",)
    _follows = {"value": ("drag_value",)}
    _defaults = {"updatemode": "mouseup"}


class Store(typed.Store, Component):
    """Keeps JSON data in the browser (memory, localStorage or sessionStorage) for callbacks to share.

    Example: ``dcc.Store("session-data", storage_type="session")``
    """

    _namespace = "dcc"
    _type = "Store"
    _bundle = Bundle("store")
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


class Interval(typed.Interval, Component):
    """Fires a callback every `interval` ms by counting up `n_intervals`.

    Example: ``dcc.Interval("tick", interval=5000, max_intervals=10)``
    """

    _namespace = "dcc"
    _type = "Interval"
    _bundle = Bundle("interval")
    _positional = ("id", "interval", "disabled", "n_intervals", "max_intervals")
    _props = {
        "id": ID,
        "interval": NUMBER,
        "n_intervals": INTEGER,
        "max_intervals": INTEGER,
        "disabled": BOOL,
    }
    _defaults = {"interval": 1000, "n_intervals": 0, "max_intervals": -1}


class Location(typed.Location, Component):
    """The browser's URL as props, so callbacks can read and set the page path (multi-page apps).

    Example: ``dcc.Location("url", refresh=False)``
    """

    _namespace = "dcc"
    _type = "Location"
    _bundle = Bundle("location")
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


class Link(typed.Link, Component):
    """An in-app link that changes the URL without reloading the page (unless `refresh`).

    Example: ``dcc.Link("Reports", href="/reports")``
    """

    _namespace = "dcc"
    _type = "Link"
    _verbs = {"click": Verb("")}  # changes no prop of its own: the page's Locations follow its href
    _bundle = Bundle("link")
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


class Markdown(typed.Markdown, Component):
    """Renders Markdown text, so prose needs no html.* tree.

    Example: ``dcc.Markdown("# Title\\n\\nSome *emphasis*.")``
    """

    _namespace = "dcc"
    _type = "Markdown"
    _bundle = Bundle("markdown", "default", lazy=True)
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
