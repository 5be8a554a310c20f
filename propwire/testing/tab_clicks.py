"""Clicks on a component library's tabs, headless: the click picks the tab in the tab set around it.

A dbc.Tab or a dmc.TabsTab has no click counter of its own: its library's JavaScript sets the enclosing tab
set's value when its nav link is clicked. The headless client cannot run that code, so this table says what
the click does, as the browser shows it (dcc.Tab: Tabs.value becomes the Tab's `value`, or `tab-<index + 1>`; dbc: Tabs.active_tab becomes the Tab's `tab_id`, or `tab-<index>`
when it has none; Mantine: Tabs.value becomes the TabsTab's `value`).

Example::

    client.click("tab-hist")   # a dbc.Tab with id "tab-hist" inside dbc.Tabs(id="tabs")
    client.prop("tabs", "active_tab")   # -> its tab_id
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from propwire.api.dependencies import id_string


@dataclass(frozen=True)
class TabRule:
    """A tab kind: the kind of the set around it, the set's prop a click sets, and the value for a tab."""

    container: str
    prop: str
    value: Callable[[dict, int], Any]


RULES: dict[str, TabRule] = {
    "dash_bootstrap_components.Tab": TabRule("dash_bootstrap_components.Tabs", "active_tab",
                                             lambda props, index: props.get("tab_id") or f"tab-{index}"),
    # a Tab without value is "tab-<position from 1>" (Dash 4.4.1's dcc.Tabs)
    "dcc.Tab": TabRule("dcc.Tabs", "value", lambda props, index: props.get("value") or f"tab-{index + 1}"),
    "dash_mantine_components.TabsTab": TabRule("dash_mantine_components.Tabs", "value",
                                               lambda props, index: props.get("value")),
}


def is_tab(kind: str) -> bool:
    """Whether a click on this kind picks a tab (so the click is allowed although it counts nothing)."""
    return kind in RULES


def tab_change(store: Any, id_str: str) -> tuple[str, dict[str, Any]] | None:
    """(the tab set's id, {prop: value}) a click on the tab `id_str` makes, or None when there is nothing to
    pick (no id'd tab set around it, a disabled tab, the tab already picked)."""
    entry = store.entry(id_str)
    rule = RULES.get(f"{entry.comp['namespace']}.{entry.comp['type']}") if entry is not None else None
    if rule is None or entry.comp["props"].get("disabled"):
        return None
    for slot in reversed(entry.ancestry):
        owner = store.entry(slot.rpartition(".")[0])
        if owner is not None and f"{owner.comp['namespace']}.{owner.comp['type']}" == rule.container:
            value = rule.value(entry.comp["props"], _index_in(owner.comp, id_str))
            if owner.comp["props"].get(rule.prop) == value:
                return None
            return slot.rpartition(".")[0], {rule.prop: value}
    return None


def _index_in(container: dict, id_str: str) -> int:
    children = container["props"].get("children")
    items = children if isinstance(children, list) else [children]
    for index, child in enumerate(items):
        if isinstance(child, dict) and child.get("props", {}).get("id") is not None \
                and id_string(child["props"]["id"]) == id_str:
            return index
    return 0
