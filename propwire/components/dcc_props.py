"""The prop types of the dcc components that need more than a base type: options, marks, dcc.Input's table."""

from __future__ import annotations

from typing import Any

from propwire.components.base import BOOL, DICT, ID, NODE, NUMBER, STRING, PropType, enum

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


# The hints are covariant (Sequence, Mapping) with Any keys, so a list[dict[str, str]] of options or a
# dict[int, str] of marks type-checks as it runs.
OPTIONS = PropType("a list of values or of {label, value[, disabled]} dicts, or a dict value -> label", _is_options,
                   "Sequence[str | int | float | bool | Mapping[str, Any]] | Mapping[Any, Any]")
MARKS = PropType("a dict of number -> label string or {label, style}", _is_marks,
                 "Mapping[Any, str | Mapping[str, Any]]")
NUMERIC = NUMBER | STRING

_TOOLTIP_KEYS = {"placement": STRING, "always_visible": BOOL, "template": STRING, "style": DICT,
                 "transform": STRING}


def _is_tooltip(v: Any) -> bool:
    return isinstance(v, dict) and all(k in _TOOLTIP_KEYS and (x is None or _TOOLTIP_KEYS[k].check(x))
                                       for k, x in v.items())


# A slider's tooltips: a dict of these keys only, so a misspelt one is an error rather than silently ignored.
TOOLTIP = PropType("a dict of placement (str), always_visible (bool), template (str, '{value}' replaced), "
                   "style (dict), transform (name of a window.dccFunctions function)", _is_tooltip,
                   "Mapping[str, Any]")

_BOX = {"id": ID, "className": STRING, "style": DICT}


def _flag(*spellings: str) -> PropType:
    """A boolean attribute, which Dash also takes as its HTML spellings ("readonly", "READONLY", ...)."""
    return BOOL | enum(*spellings)


# Every prop Dash 4.4.1's dcc.Input declares but its persistence props (dcc.py adds those from persistence.py),
# in Dash's order. The HTML attributes among them go straight onto the <input>.
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
