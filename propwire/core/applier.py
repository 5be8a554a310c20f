"""The applier: a finished call's outputs into the chain's layout view (docs/semantics.md S4, S5).

It changes the view and tells the planner what that did — which prop was written (its readers are asked for),
which components were inserted or removed (their callbacks start). Example::

    applier = Applier(view, planner)
    applier.apply("out.children", "hello")   # the view holds it; out.children's readers become candidates
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from propwire.api.dependencies import split_key
from propwire.api.extend_data import extend_figure
from propwire.api.patch import apply_patch
from propwire.core.json_values import same_json

if TYPE_CHECKING:
    from propwire.core.layout import LayoutView
    from propwire.core.planner import Planner


_EXTENDS = {"extendData": False, "prependData": True}  # a Graph's update props -> whether they prepend


class Applier:
    """Writes outputs into one chain's view and reports the writes to its planner."""

    def __init__(self, view: LayoutView, planner: Planner):
        self.view, self.planner = view, planner
        # The event's props that follow another ({"kg.value": ["kg.drag_value"]}, core/follows.py), and the
        # values they took since take_followed() last asked.
        self.follows: dict[str, list[str]] = {}
        self.followed: dict[str, Any] = {}

    def apply(self, key: str, value: Any, crawl: bool = True) -> None:
        """S4/S5: an output changes the view, triggers its readers and the callbacks of what it inserted.

        `crawl=False` for a set_props write: Dash applies those as side updates, which notify the prop's readers
        but do not look for callbacks in the components they insert (neither by Input nor by Output)."""
        id_str = key.rpartition(".")[0]
        if not self.view.has(id_str):
            if not self.view.knows_id(id_str):  # set_props on a component this event did not describe
                self.view.values[key] = value
                self.planner.trigger(key)  # its readers come back deferred, and the browser asks again
            return
        inserted = self.view.set(key, value)
        removed = self.view.removed
        self._extend_figure(key, value)
        self.planner.trigger(key)
        if (inserted or removed) and crawl:
            self.planner.inserted(inserted, removed)
        for follower in self.follows.get(key, ()):
            self._follow(follower, value)

    def _follow(self, key: str, value: Any) -> None:
        """A prop following the one just written takes its value, as Dash's slider sets drag_value before the
        callbacks of a value a callback set run. Its readers are asked for as if the page had changed it: a
        callback reading it runs even when it wrote the value (Dash runs it again on the slider's change)."""
        if value is None or (self.view.knows_value(key) and same_json(self.view.get(key), value)):
            return
        self.view.set(key, value)
        self.followed[key] = value
        source, self.planner.source = self.planner.source, None
        try:
            self.planner.trigger(key)
        finally:
            self.planner.source = source

    def take_followed(self) -> dict[str, Any]:
        """The follower values set since the last call, for the result the page applies (then forgotten)."""
        followed, self.followed = self.followed, {}
        return followed

    def _extend_figure(self, key: str, value: Any) -> None:
        """A Graph's extendData / prependData grows its figure, as plotly.js grows the browser's in place, so a
        chained callback reading `figure` as State sees the new points. The figure's readers are not asked for:
        in Dash, extending a graph does not fire callbacks on its `figure`."""
        id_str, prop = split_key(key)
        if prop not in _EXTENDS or value is None:
            return
        figure_key = f"{id_str}.figure"
        figure = self.view.get(figure_key) if self.view.knows_value(figure_key) else None
        if not isinstance(figure, dict):
            return
        try:
            self.view.values[figure_key] = extend_figure(figure, value, prepend=_EXTENDS[prop])
        except ValueError:
            return  # a malformed update: the browser's Graph reports it (plotly.js refuses it); the figure stays

    def apply_patch(self, key: str, ops: list, crawl: bool = True) -> None:
        """A Patch's operations on a prop: applied to its value when the view knows it; else its readers defer."""
        id_str = key.rpartition(".")[0]
        if not self.view.has(id_str):
            return
        if self.view.knows_value(key):
            self.apply(key, apply_patch(self.view.get(key), ops), crawl)
        else:
            self.view.unknown.add(key)  # downstream readers of it come back deferred
            self.planner.trigger(key)
            inserted = self.view.insert_patched(key, ops)
            if inserted and crawl:
                self.planner.inserted(inserted, [])

    def apply_all(self, values: dict[str, Any], patches: dict[str, list], declared: set[str]) -> None:
        """A result's outputs and patches; set_props writes (keys not `declared`) do not crawl what they insert."""
        for key, value in values.items():
            self.apply(key, value, crawl=key in declared)
        for key, ops in patches.items():
            self.apply_patch(key, ops, crawl=key in declared)
