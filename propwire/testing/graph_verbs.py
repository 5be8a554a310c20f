"""The headless Client's verbs for dcc.Graph: `click_point`, `hover_point`, `unhover`, `select_points`,
`relayout`; what the graph does once first drawn (relayoutData {autosize: True} when its size is free, as
Dash's resize after the first plot gives); and what the graph does after an `extendData` / `prependData` output (its figure grows, as
plotly.js's extendTraces grows the browser's, so a callback reading `figure` as State sees the new points).

The event values come from the figure in the page (propwire/testing/graph_points.py says what is derived
and what is left out).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any
from weakref import WeakKeyDictionary

from propwire.api.dependencies import id_string
from propwire.api.extend_data import extend_figure
from propwire.testing import graph_points
from propwire.testing.components import show_id
from propwire.testing.effects import now_ms
from propwire.testing.runtime import Runtime
from propwire.testing.store import Entry

# The graphs of a page holding a box selection (plotly.js clears it, with a relayout, when the next drag starts).
_BOXED: WeakKeyDictionary[Runtime, set[str]] = WeakKeyDictionary()


class GraphVerbs:
    """Client's dcc.Graph verbs (Client inherits them). Example::

        client.click_point("graph", curve=0, point=3)   # clickData, with the point's x, y, customdata...
        client.select_points("graph", [(0, 1), (0, 2)])  # selectedData, with a box `range` around them
        client.relayout("graph", {"xaxis.range[0]": 1, "xaxis.range[1]": 3})
    """

    def _entry(self, component_id: Any) -> Entry:
        raise NotImplementedError

    def _rt_or_fail(self) -> Runtime:
        raise NotImplementedError

    def _act(self, ticks: list[Callable[[], None]], wait: bool) -> None:
        raise NotImplementedError

    def _graph(self, graph_id: Any) -> tuple[str, dict[str, Any]]:
        entry = self._entry(graph_id)
        if entry.comp["type"] != "Graph":
            raise graph_points.GraphPointError(f"{show_id(graph_id)} is a {entry.comp['type']}, not a dcc.Graph")
        return id_string(graph_id), entry.comp["props"]

    def _send(self, id_str: str, props: dict[str, Any], wait: bool) -> None:
        sent = graph_points.as_sent(props)
        self._act([lambda: self._rt_or_fail().user_change([(id_str, sent)])], wait)

    def click_point(self, graph_id: Any, curve: int = 0, point: int = 0, *, wait: bool = True) -> None:
        """Click point `point` of trace `curve`: `clickData` becomes {points: [...], timestamp}, as Dash sets
        it. Example: ``client.click_point("graph", curve=0, point=3)``."""
        id_str, props = self._graph(graph_id)
        value = graph_points.click_data(props.get("figure"), curve, point, now_ms(), graph=show_id(graph_id))
        self._send(id_str, {"clickData": value}, wait)

    def hover_point(self, graph_id: Any, curve: int = 0, point: int = 0, *, wait: bool = True) -> None:
        """Move the pointer onto a point: `hoverData` becomes {points: [...]}; hovering the point already
        hovered sends nothing (Dash compares before setting). Example: ``client.hover_point("graph", 0, 3)``."""
        id_str, props = self._graph(graph_id)
        value = graph_points.hover_data(props.get("figure"), curve, point, graph=show_id(graph_id))
        if value != props.get("hoverData"):
            self._send(id_str, {"hoverData": value}, wait)

    def unhover(self, graph_id: Any, *, wait: bool = True) -> None:
        """Move the pointer off the points: with `clear_on_unhover`, `hoverData` becomes None; without it
        nothing is sent (Dash keeps the last hover). Example: ``client.unhover("graph")``."""
        id_str, props = self._graph(graph_id)
        if props.get("clear_on_unhover"):
            self._send(id_str, {"hoverData": None}, wait)

    def select_points(self, graph_id: Any, points: Sequence[tuple[int, int]], *,
                      range: Mapping[str, Sequence[Any]] | None = None,  # noqa: A002 - Dash's name for it
                      lasso: Mapping[str, Sequence[Any]] | None = None, wait: bool = True) -> None:
        """Box- or lasso-select `points` ((curve, point) pairs): `selectedData` gets the points and the box's
        `range` (given, or the box around the points) or the lasso's `lassoPoints`. A box is also drawn into the
        layout, so `relayoutData` says `{"selections": [box]}` in the same event (after `{"selections": []}`
        when a box was there, as plotly.js clears it when the next drag starts). [] deselects: `selectedData`
        None, as a double-click does, with `relayoutData` `{"selections": []}` when a box was there (one change,
        one call of a callback reading both, as in Dash). Example: ``client.select_points("graph", [(0, 1), (0, 2)])``."""
        id_str, props = self._graph(graph_id)
        boxed = _BOXED.setdefault(self._rt_or_fail(), set())
        rt = self._rt_or_fail()
        ticks: list[Callable[[], None]] = []  # one per DOM event, as the browser sends them
        tick = lambda change: lambda: rt.user_change([(id_str, graph_points.as_sent(change))])  # noqa: E731
        if not points and range is None and lasso is None:
            cleared: dict[str, Any] = {"selectedData": None}
            if id_str in boxed:  # the box goes from the layout too: the browser sends both as one change
                cleared["relayoutData"] = {"selections": []}
            ticks.append(tick(cleared))
            boxed.discard(id_str)
            self._act(ticks, wait)
            return
        value = graph_points.selected_data(props.get("figure"), list(points), range=range, lasso=lasso,
                                           graph=show_id(graph_id))
        if "range" in value and id_str in boxed:  # the drag's start clears the old box
            ticks.append(tick({"relayoutData": {"selections": []}}))
        done: dict[str, Any] = {"selectedData": value} if value != props.get("selectedData") else {}
        if "range" in value:  # plotly.js sets the selection and relayouts its box in one go
            done["relayoutData"] = graph_points.box_selections(value["range"])
            boxed.add(id_str)
        ticks.append(tick(done))
        self._act(ticks, wait)

    def click_annotation(self, graph_id: Any, index: int = 0, *, wait: bool = True) -> None:
        """Click annotation `index` (it needs `captureevents`): `clickAnnotationData` becomes
        {index, annotation, timestamp}. Example: ``client.click_annotation("graph", 0)``."""
        id_str, props = self._graph(graph_id)
        value = graph_points.click_annotation_data(props.get("figure"), index, now_ms(), graph=show_id(graph_id))
        self._send(id_str, {"clickAnnotationData": value}, wait)

    def click_legend(self, graph_id: Any, curve: int = 0, *, wait: bool = True) -> None:
        """Click trace `curve`'s legend item: `restyleData` becomes [{"visible": ["legendonly"]}, [curve]]
        (or [True] for a hidden trace) and the page's figure gets that `visible`, as plotly.js writes it.
        Example: ``client.click_legend("graph", 1)``."""
        id_str, props = self._graph(graph_id)
        restyle, figure = graph_points.legend_click(props.get("figure"), curve, graph=show_id(graph_id))

        def tick() -> None:
            props["figure"] = figure  # plotly.js changes the trace in place: no event for `figure`
            self._rt_or_fail().user_change([(id_str, {"restyleData": graph_points.as_sent(restyle)})])

        self._act([tick], wait)

    def relayout(self, graph_id: Any, update: Mapping[str, Any], *, wait: bool = True) -> None:
        """Zoom, pan or autoscale: `relayoutData` becomes plotly's update as given, e.g.
        ``client.relayout("graph", {"xaxis.autorange": True, "yaxis.autorange": True})``. The same update
        again sends nothing (Dash compares)."""
        id_str, props = self._graph(graph_id)
        value = graph_points.relayout_data(update, graph=show_id(graph_id))
        if value != props.get("relayoutData"):
            self._send(id_str, {"relayoutData": value}, wait)

    def _mounted(self, id_str: str, inserted: bool = False) -> None:
        super()._mounted(id_str, inserted)  # type: ignore[misc]
        rt = self._rt_or_fail()
        entry = rt.store.entry(id_str)
        if entry is not None and (entry.comp["namespace"], entry.comp["type"]) == ("dcc", "Graph"):
            rt.effects.append(lambda: self._first_plot(id_str))

    def _first_plot(self, id_str: str) -> None:
        """After its first plot the Graph fits itself to its container (Dash's and the renderer's resize): a
        size the layout leaves free gives relayoutData {autosize: True} (graph_points.relayout_at_load). It
        runs after the page stream (or the inserting event) applied, as the plot follows plotly.js's load."""
        rt = self._rt_or_fail()
        entry = rt.store.entry(id_str)
        if entry is None or entry.comp["type"] != "Graph":
            return
        props = entry.comp["props"]
        value = graph_points.relayout_at_load(props.get("figure"), props.get("responsive", "auto"))
        if value is not None:
            rt.user_change([(id_str, {"relayoutData": value})])

    def _after_set(self, id_str: str, prop: str, user: bool) -> None:
        super()._after_set(id_str, prop, user)  # type: ignore[misc]
        if prop not in ("extendData", "prependData"):
            return
        entry = self._rt_or_fail().store.entry(id_str)
        if entry is None or entry.comp["type"] != "Graph":
            return
        props = entry.comp["props"]
        if props.get(prop) is None or not isinstance(props.get("figure"), Mapping):
            return
        # plotly.js extends the figure's own arrays in the browser: the store's figure changes without an
        # event, so nothing is triggered by it, but the next read of `figure` sees the new points
        props["figure"] = extend_figure(props["figure"], props[prop], prepend=prop == "prependData")

