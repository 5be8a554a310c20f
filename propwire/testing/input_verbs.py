"""The headless Client's verbs for typing into a dcc.Dropdown's search field (`search`), mirroring what the
renderer's dropdown sends: each text typed is the Dropdown's `search_value`, so a callback with
`Input(dropdown, "search_value")` can load options as the user types (Dash's "dynamic options" example)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from propwire.api.dependencies import id_string
from propwire.testing.components import WrongComponent, kind_of, show_id
from propwire.testing.runtime import Runtime
from propwire.testing.store import Entry


class InputVerbs:
    """Client's search verb (Client inherits it). Example::

        client.search("city", "Mo")       # search_value "Mo": a callback may narrow the options
        client.select("city", "mos")      # picking one unsets search_value again, as in the browser
    """

    def _entry(self, component_id: Any) -> Entry:
        raise NotImplementedError

    def _rt_or_fail(self) -> Runtime:
        raise NotImplementedError

    def _act(self, ticks: list[Callable[[], None]], wait: bool) -> None:
        raise NotImplementedError

    def search(self, dropdown_id: Any, text: str, *, wait: bool = True) -> None:
        """Type `text` into a dcc.Dropdown's search field (its menu opens): `search_value` becomes `text`.

        Parameters:
            dropdown_id: the Dropdown's id.
            text: the whole search text, as typed into the empty field.
            wait: False returns as soon as the event is sent (then `wait()`).
        """
        comp = self._entry(dropdown_id).comp
        props = comp["props"]
        if kind_of(comp) != "dcc.Dropdown":
            raise WrongComponent(f"cannot search {show_id(dropdown_id)}: it is a {kind_of(comp)}, not a dcc.Dropdown")
        if props.get("disabled") or props.get("searchable") is False:
            raise WrongComponent(f"cannot search {show_id(dropdown_id)}: it is disabled or not searchable")
        id_str = id_string(dropdown_id)
        self._act([lambda: self._rt_or_fail().user_change([(id_str, {"search_value": text})])], wait)


def search_reset(comp: dict[str, Any]) -> dict[str, Any]:
    """What picking an option also changes: a Dropdown's search text is cleared, so `search_value` is unset
    (None) again when it was set, as the renderer and Dash 4.4.1 do as the menu closes."""
    if kind_of(comp) == "dcc.Dropdown" and comp["props"].get("search_value") is not None:
        return {"search_value": None}
    return {}
