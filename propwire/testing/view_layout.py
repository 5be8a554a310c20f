"""The snapshot of dcc.Tabs, dcc.Loading and dcc.Tooltip (view.py): what the renderer draws, from the store.

The Tabs' id is on its row of headers (as in Dash 4.4.1), so its entry's text is the Tabs' labels; each Tab's
entry is its header's label; the picked Tab's children follow the row, in an element without an id, so only
the elements around the Tabs (and the ids inside the content) see them.
"""

from __future__ import annotations

from typing import Any

from propwire.api.dependencies import id_string
from propwire.testing.components import hidden, norm, picked_tab, tabs_of


def tabs_text(view: Any, comp: dict) -> str:
    """The raw text of a Tabs (headers, then the picked Tab's children), recording the entries on the way.
    `view` is view.py's _View (its `text`, `out` and the module's rules)."""
    props = comp["props"]
    if hidden({"style": props.get("parent_style")}):
        return ""
    tabs = tabs_of(props)
    head = "" if hidden(props) else "".join(_header(view, tab, i) for i, tab in enumerate(tabs))
    own = props.get("id")
    if own is not None and not hidden(props):
        view.out.setdefault(id_string(own), {"text": norm(head)})
    picked = picked_tab(props, tabs)
    body = view.text(picked["props"].get("children")) if picked is not None else ""
    return f" {head} {body} "


def _header(view: Any, tab: dict, index: int) -> str:
    props = tab["props"]
    if hidden(props):
        return ""
    text = view.text(props.get("label"))
    own = props.get("id")
    if own is not None:
        view.out.setdefault(id_string(own), {"text": norm(text)})
    return f" {text} "


def loading_text(view: Any, comp: dict) -> str:
    """The raw text of a dcc.Loading at rest (no output pending, as the snapshot is taken when the page is
    quiet): its children, unless `display="show"` keeps the spinner up, hiding them (visibility: hidden). Its id is
    on the spinner's box, whose text is a custom_spinner's (Dash's spinners have none)."""
    props = comp["props"]
    if hidden({"style": props.get("parent_style")}):
        return ""
    spinning = props.get("display") == "show"
    body = "" if spinning else view.text(props.get("children"))
    spinner = view.text(props.get("custom_spinner")) if spinning else ""
    own = props.get("id")
    if own is not None:
        view.out.setdefault(id_string(own), {"text": norm(spinner)})
    return f" {body} {spinner} "


def tooltip_shown(props: dict) -> bool:
    """A Tooltip's box shows only with `show` (default True) and a bbox (any dict, even an empty one)."""
    return bool(props.get("show", True)) and props.get("bbox") is not None
