"""dcc.Button, dcc.Clipboard and the confirm dialogs: Dash 4's themed button, a copy button, and the browser's own confirm() as props.

A ConfirmDialog shows `message` in `window.confirm` when its `displayed` turns true; the answer counts
`submit_n_clicks` (OK) or `cancel_n_clicks` (Cancel), stamps the matching timestamp and sets `displayed` back
to false. A ConfirmDialogProvider does the same when a component inside it is clicked.
"""

from __future__ import annotations

from typing import ClassVar

from propwire.components import dcc_signatures as typed
from propwire.components.base import BOOL, ID, INTEGER, LIST, NODE, NUMBER, STRING, Component, enum
from propwire.components.dcc_props import _BOX
from propwire.components.spec import Bundle, Verb

__all__ = ["Button", "ConfirmDialog", "ConfirmDialogProvider"]


class Button(typed.Button, Component):
    """Dash 4's themed button (class `dash-button`): `n_clicks` counts clicks, `n_blur` the times it lost focus.

    Example: ``dcc.Button("Save", id="save", type="submit")``
    """

    _namespace = "dcc"
    _type = "Button"
    _verbs = {"click": Verb("n_clicks", "count"), "blur": Verb("n_blur", "count")}
    _bundle = Bundle("button")
    _positional = ("children", "className", "persistence", "persisted_props", "persistence_type", "id",
                   "componentPath", "type", "autoFocus", "disabled", "form", "formAction", "formEncType",
                   "formMethod", "formNoValidate", "formTarget", "name", "value", "accessKey", "contentEditable",
                   "dir", "draggable", "hidden", "lang", "role", "spellCheck", "style", "tabIndex", "title",
                   "n_blur", "n_blur_timestamp", "n_clicks", "n_clicks_timestamp")
    _props = {
        **_BOX,
        "children": NODE,
        "type": enum("submit", "reset", "button"),
        "autoFocus": BOOL,
        "disabled": BOOL,
        "form": STRING,
        "formAction": STRING,
        "formEncType": STRING,
        "formMethod": STRING,
        "formNoValidate": BOOL,
        "formTarget": STRING,
        "name": STRING,
        "value": STRING | NUMBER | LIST,
        "accessKey": STRING,
        "contentEditable": BOOL | enum("true", "false", "inherit"),
        "dir": STRING,
        "draggable": BOOL,
        "hidden": BOOL,
        "lang": STRING,
        "role": STRING,
        "spellCheck": BOOL,
        "tabIndex": NUMBER,
        "title": STRING,
        "n_blur": NUMBER,
        "n_blur_timestamp": NUMBER,
        "n_clicks": NUMBER,
        "n_clicks_timestamp": NUMBER,
    }
    _defaults: ClassVar[dict] = {}  # n_clicks, n_blur: unset (None to callbacks) until counted, as in Dash


_DIALOG = {
    "id": ID,
    "message": STRING,
    "displayed": BOOL,
    "submit_n_clicks": INTEGER,
    "submit_n_clicks_timestamp": INTEGER,
    "cancel_n_clicks": INTEGER,
    "cancel_n_clicks_timestamp": INTEGER,
}


class ConfirmDialog(typed.ConfirmDialog, Component):
    """The browser's confirm() box, shown when `displayed` becomes True (typically a callback's Output).

    Example::

        dcc.ConfirmDialog(id="sure", message="Delete everything?")
        # @callback(Output("sure", "displayed"), Input("delete", "n_clicks")) ... return True
        # @callback(Output("log", "children"), Input("sure", "submit_n_clicks")) runs on OK
    """

    _namespace = "dcc"
    _type = "ConfirmDialog"
    _bundle = Bundle("dialogs")
    _positional = ("id", "message", "submit_n_clicks", "submit_n_clicks_timestamp", "cancel_n_clicks",
                   "cancel_n_clicks_timestamp", "displayed")
    _props = dict(_DIALOG)


class ConfirmDialogProvider(typed.ConfirmDialogProvider, Component):
    """Wraps a component (usually a button): clicking it shows the confirm() box instead of clicking it.

    As in Dash, the wrapped component's own click is taken over: a wrapped html.Button counts no n_clicks.

    Example: ``dcc.ConfirmDialogProvider(html.Button("Delete"), id="ask", message="Sure?")``
    """

    _namespace = "dcc"
    _type = "ConfirmDialogProvider"
    _bundle = Bundle("dialogs")
    _positional = ("children", "id", "message", "submit_n_clicks", "submit_n_clicks_timestamp", "cancel_n_clicks",
                   "cancel_n_clicks_timestamp", "displayed")
    _props = {**_DIALOG, "children": NODE}


class Clipboard(typed.Clipboard, Component):
    """A copy button: a click counts `n_clicks` and copies to the user's clipboard the text of the element
    `target_id` names, else `content` (which a callback on `n_clicks` may set first), as Dash 4.4.1's does.

    Example: ``dcc.Clipboard(target_id="code", title="Copy")``
    """

    _namespace = "dcc"
    _type = "Clipboard"
    _verbs = {"click": Verb("n_clicks", "count")}
    _bundle = Bundle("clipboard", "default", lazy=True)
    _positional = ("children", "id", "copied_children", "target_id", "content", "n_clicks", "html_content", "title",
                   "style", "className")
    _props = {
        **_BOX,
        "children": NODE,
        "copied_children": NODE,
        "target_id": ID,
        "content": STRING,
        "html_content": STRING,
        "n_clicks": INTEGER,
        "title": STRING,
    }
    _defaults: ClassVar[dict] = {}  # n_clicks: unset (None to callbacks) until clicked, as in Dash
