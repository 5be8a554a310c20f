"""dcc.Tabs and dcc.Tab: a row of tab headers over the content of the picked one.

The picked tab is Tabs' `value`: a callback may read it (and render the content itself) or each Tab holds its
content as `children`, and only the picked Tab's children are drawn. A Tabs without `value` picks its first
Tab as it mounts (that Tab's `value`, else "tab-1"); a Tab without `value` is "tab-<its position from 1>".
"""

from __future__ import annotations

from typing import Any

from propwire.components import dcc_signatures as typed
from propwire.components.base import BOOL, DICT, NODE, NUMBER, STRING, Component
from propwire.components.dcc_props import _BOX
from propwire.components.persistence import Persistent, persistence_props
from propwire.components.spec import Bundle, Verb

__all__ = ["Tab", "Tabs"]


class Tabs(typed.Tabs, Persistent):
    """A set of tabs; `value` is the picked Tab's value (a callback Input or Output).

    Example::

        dcc.Tabs(id="tabs", value="a", children=[
            dcc.Tab(label="Alpha", value="a", children=html.P("first")),
            dcc.Tab(label="Beta", value="b", children=html.P("second")),
        ])
    """

    _namespace = "dcc"
    _type = "Tabs"
    _bundle = Bundle("tabs")
    _positional = ("children", "value", "content_className", "parent_className", "style", "parent_style",
                   "content_style", "vertical", "mobile_breakpoint", "colors", "className", "persistence",
                   "persisted_props", "persistence_type", "id")
    _persisted = ("value",)
    _props = {
        **_BOX,
        **persistence_props("value"),
        "children": NODE,
        "value": STRING,
        "content_className": STRING,
        "parent_className": STRING,
        "parent_style": DICT,
        "content_style": DICT,
        "vertical": BOOL,
        "mobile_breakpoint": NUMBER,
        "colors": DICT,  # {border, primary, background}: CSS colours of the headers
    }

    def _check(self) -> None:
        # Dash's Tabs sets its value as it mounts, before the page's first callbacks go out, so even their
        # first call sees it: filled here, the layout holds it from the start (and the headless client agrees).
        if "value" not in self._values:
            self._set("value", first_value(self._values.get("children")))


def first_value(children: Any) -> str:
    """The value a Tabs without one picks: its first child's `value`, else "tab-1" (Dash 4.4.1's rule: only the
    first child is looked at, so a first Tab without value gives "tab-1" however many Tabs follow)."""
    first = children[0] if isinstance(children, (list, tuple)) and children else children
    value = first._values.get("value") if isinstance(first, Component) else None
    return value if isinstance(value, str) and value else "tab-1"


class Tab(typed.Tab, Component):
    """One tab of a dcc.Tabs: its `label` heads the tab, its `children` show while it is picked.

    A click on the header sets the enclosing Tabs' `value` to this Tab's `value` (nothing when `disabled`).

    Example: ``dcc.Tab(label="Sales", value="sales", children=dcc.Graph(id="sales-graph"))``
    """

    _namespace = "dcc"
    _type = "Tab"
    _verbs = {"click": Verb("")}  # changes no prop of its own: the Tabs around it takes its value
    _bundle = Bundle("tabs")
    _positional = ("children", "label", "value", "disabled", "disabled_style", "disabled_className", "className",
                   "selected_className", "style", "selected_style", "width", "persistence", "persisted_props",
                   "persistence_type", "id")
    _props = {
        **_BOX,
        "children": NODE,
        "label": NODE,
        "value": STRING,
        "disabled": BOOL,
        "disabled_style": DICT,
        "disabled_className": STRING,
        "selected_className": STRING,
        "selected_style": DICT,
        "width": STRING | NUMBER,
    }


