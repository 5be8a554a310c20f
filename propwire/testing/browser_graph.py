"""`BrowserDriver`'s dcc.Graph verbs: the headless Client's `click_point`, `hover_point`, `unhover`,
`select_points`, `click_annotation`, `click_legend` and `relayout`, with the same signatures, played as real mouse
actions on the plot plotly.js drew (positions from propwire/testing/graph_pixels.py).

Each verb checks first that the plot can do what was asked (the point is drawn and not covered, a box holds
exactly the given points, the figure's dragmode makes the drag a selection or a zoom) and raises
`GraphPointError` saying why not; then it acts, waits until plotly.js has emitted its event (and checks that
the event is about the point asked for), then waits for the callbacks, as the other verbs do.
"""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, TypeVar

from propwire.api.dependencies import id_string
from propwire.testing import graph_pixels as px
from propwire.testing.components import show_id
from propwire.testing.graph_points import GraphPointError, relayout_data

T = TypeVar("T")

_RANGE = re.compile(r"^([xy]axis\d*)\.range\[([01])\]$")
_AUTORANGE = re.compile(r"^([xy]axis\d*)\.autorange$")
_DELAY = "sel => { const gd = document.querySelector(sel).querySelector('.js-plotly-plot');" \
         " return (gd._context && gd._context.doubleClickDelay) || 300; }"
_HOVERED = "sel => { const gd = document.querySelector(sel).querySelector('.js-plotly-plot');" \
           " return (gd._hoverdata || []).length; }"
RELAYOUT_SUPPORTED = ("a zoom drag: {'xaxis.range[0]': a, 'xaxis.range[1]': b} and/or the same for a y axis of that "
                      "subplot (dragmode 'zoom'); an autoscale double-click: {'xaxis.autorange': True, "
                      "'yaxis.autorange': True}")


class BrowserGraphVerbs:
    """BrowserDriver's dcc.Graph verbs (BrowserDriver inherits them). Example::

        with BrowserDriver(app).open() as page:
            page.click_point("graph", curve=0, point=3)     # the mouse clicks the drawn point
            page.select_points("graph", [(0, 1), (0, 2)])   # a box drag around them (dragmode "select")
            page.relayout("graph", {"xaxis.range[0]": 1, "xaxis.range[1]": 3})  # a zoom drag
    """

    page: Any
    timeout: float

    def _call(self, func: Callable[..., Awaitable[T]], *args: Any) -> T:
        raise NotImplementedError

    async def _comp(self, component_id: Any) -> dict:
        raise NotImplementedError

    async def _done(self, wait: bool) -> None:
        raise NotImplementedError

    async def _plot(self, graph_id: Any) -> tuple[str, str]:
        """The graph's selector and shown name, once it is in view and plotted, its events watched."""
        sel, graph, _props = await self._plot_props(graph_id)
        return sel, graph

    async def _plot_props(self, graph_id: Any) -> tuple[str, str, dict[str, Any]]:
        comp = await self._comp(graph_id)
        if comp["type"] != "Graph":
            raise GraphPointError(f"{show_id(graph_id)} is a {comp['type']}, not a dcc.Graph")
        sel = px.graph_selector(id_string(graph_id))
        await self.page.locator(sel).first.scroll_into_view_if_needed(timeout=self.timeout * 1000)
        await px.wait_plotted(self.page, sel, self.timeout)
        await px.watch_events(self.page, sel)
        return sel, show_id(graph_id), comp["props"]

    async def _press(self, sel: str) -> None:
        """Before a press: past plotly's double-click delay since the last one, so two verbs are never a
        double-click (which autoscales, or deselects)."""
        delay = await self.page.evaluate(_DELAY, sel) / 1000 + 0.05
        left = getattr(self, "_graph_pressed", 0.0) + delay - time.monotonic()
        if left > 0:
            await self.page.wait_for_timeout(left * 1000)

    def _pressed(self) -> None:
        self._graph_pressed = time.monotonic()

    async def _event(self, sel: str, name: str, graph: str, doing: str) -> Mapping[str, Any]:
        seen = await px.wait_event(self.page, sel, name, self.timeout, graph=graph, doing=doing)
        return [e for e in seen if e["name"] == name][-1]

    def click_point(self, graph_id: Any, curve: int = 0, point: int = 0, *, wait: bool = True) -> None:
        """Click point `point` of trace `curve` where it is drawn (the pointer moves there, so it hovers it
        too). Example: ``page.click_point("graph", curve=0, point=3)``."""
        async def go() -> None:
            sel, graph = await self._plot(graph_id)
            x, y = (await px.point_position(self.page, sel, curve, point, graph=graph))["xy"]
            await self._press(sel)
            await self.page.mouse.click(x, y)
            self._pressed()
            event = await self._event(sel, "click", graph, f"a click on point {point} of trace {curve}")
            _same_points(event, [(curve, point)], graph, f"the click at ({x:.0f}, {y:.0f})")
            await self._done(wait)

        self._call(go)

    def hover_point(self, graph_id: Any, curve: int = 0, point: int = 0, *, wait: bool = True) -> None:
        """Move the pointer onto a point; plotly.js sends nothing for the point it hovers already.
        Example: ``page.hover_point("graph", 0, 3)``."""
        async def go() -> None:
            sel, graph = await self._plot(graph_id)
            found = await px.point_position(self.page, sel, curve, point, graph=graph)
            if found["hovered"] != [[curve, point]]:
                x, y = found["xy"]
                await self.page.mouse.move(x, y)
                event = await self._event(sel, "hover", graph, f"moving onto point {point} of trace {curve}")
                _same_points(event, [(curve, point)], graph, f"the pointer at ({x:.0f}, {y:.0f})")
            await self._done(wait)

        self._call(go)

    def unhover(self, graph_id: Any, *, wait: bool = True) -> None:
        """Move the pointer off the plot: plotly.js unhovers (hoverData becomes None with `clear_on_unhover`).
        Example: ``page.unhover("graph")``."""
        async def go() -> None:
            sel, graph = await self._plot(graph_id)
            if await self.page.evaluate(_HOVERED, sel):
                await self.page.mouse.move(*await px.off_plot_spot(self.page, sel, graph=graph))
                await self._event(sel, "unhover", graph, "moving the pointer off the plot")
            await self._done(wait)

        self._call(go)

    def select_points(self, graph_id: Any, points: Sequence[tuple[int, int]], *,
                      range: Mapping[str, Sequence[Any]] | None = None,  # noqa: A002 - Dash's name for it
                      lasso: Mapping[str, Sequence[Any]] | None = None, wait: bool = True) -> None:
        """Drag a box (the given `range`, else just around the points; dragmode "select") or a lasso (the
        `lasso` polygon; dragmode "lasso") that holds exactly `points`; [] deselects with a double-click.
        Example: ``page.select_points("graph", [(0, 1), (0, 2)])``."""
        async def go() -> None:
            sel, graph, props = await self._plot_props(graph_id)
            if not points and range is None and lasso is None:
                if props.get("selectedData") is not None:  # else nothing is selected: nothing to undo
                    await self._deselect(sel, graph)
            else:
                await self._drag_selection(sel, graph, points, range, lasso)
            await self._done(wait)

        self._call(go)

    async def _deselect(self, sel: str, graph: str) -> None:
        spot = await px.empty_spot(self.page, sel, graph=graph)
        await self._press(sel)
        await self.page.mouse.dblclick(*spot)
        self._pressed()
        await self._event(sel, "deselect", graph, "a double-click on the plot")

    async def _drag_selection(self, sel: str, graph: str, points: Sequence[tuple[int, int]], range: Any,  # noqa: A002
                              lasso: Any) -> None:
        if range is not None and lasso is not None:
            raise GraphPointError(f"graph {graph}: a selection is a box (range=) or a lasso (lasso=), not both")
        if not points:
            raise GraphPointError(f"graph {graph}: give the points the {'lasso' if lasso else 'box'} holds")
        found = await px.selection_path(self.page, sel, points, range=range, lasso=lasso, graph=graph)
        want = "lasso" if lasso is not None else "select"
        if found["dragmode"] != want:
            raise GraphPointError(
                f"graph {graph}: select_points drags a {'lasso' if lasso is not None else 'box'}, so the figure needs "
                f"layout.dragmode {want!r} (it has {found['dragmode']!r}); a user would first pick the tool in the "
                f"modebar, which also sets relayoutData")
        path = [tuple(p) for p in found["path"]]
        mouse = self.page.mouse
        await self._press(sel)
        await mouse.move(*path[0])
        await mouse.down()
        for corner in path[1:]:  # plotly closes a lasso itself: lassoPoints are the vertices as given
            await mouse.move(*corner, steps=8 if lasso is None else 4)
        await mouse.up()
        self._pressed()
        event = await self._event(sel, "selected", graph, f"a {want} drag around points {list(points)}")
        _same_points(event, points, graph, f"the {want} drag")

    def click_annotation(self, graph_id: Any, index: int = 0, *, wait: bool = True) -> None:
        """Click annotation `index` (it needs `captureevents`). Example: ``page.click_annotation("graph", 0)``."""
        async def go() -> None:
            sel, graph = await self._plot(graph_id)
            spot = await px.annotation_position(self.page, sel, index, graph=graph)
            await self._press(sel)
            await self.page.mouse.click(*spot)
            self._pressed()
            await self._event(sel, "clickannotation", graph, f"a click on annotation {index}")
            await self._done(wait)

        self._call(go)

    def click_legend(self, graph_id: Any, curve: int = 0, *, wait: bool = True) -> None:
        """Click trace `curve`'s legend item: plotly.js hides (or shows) the trace after its double-click delay
        and sends restyleData. Example: ``page.click_legend("graph", 1)``."""
        async def go() -> None:
            sel, graph = await self._plot(graph_id)
            spot = await px.legend_position(self.page, sel, curve, graph=graph)
            await self._press(sel)
            await self.page.mouse.click(*spot)
            self._pressed()
            await self._event(sel, "restyle", graph, f"a click on the legend item of trace {curve}")
            await self._done(wait)

        self._call(go)

    def drawn(self, graph_id: Any) -> list[dict[str, Any]]:
        """What plotly.js drew, per trace: {type, x, y, z, customdata, text (those it has, as lists), kinds: the JS
        type of each, e.g. "Float64Array"}. A browser-only read (the headless client draws nothing).
        Example: ``page.drawn("graph")[0]["y"]``."""
        async def go() -> list[dict[str, Any]]:
            sel, _graph = await self._plot(graph_id)
            return await px.drawn_traces(self.page, sel)

        return self._call(go)

    def relayout(self, graph_id: Any, update: Mapping[str, Any], *, wait: bool = True) -> None:
        """A zoom drag over the given axis ranges, or an autoscale double-click (RELAYOUT_SUPPORTED); plotly's
        relayoutData is then checked against `update` (ranges to within a pixel and a half).
        Example: ``page.relayout("graph", {"xaxis.range[0]": 1, "xaxis.range[1]": 3})``."""
        async def go() -> None:
            sel, graph = await self._plot(graph_id)
            asked = relayout_data(update, graph=graph)
            if all(_AUTORANGE.match(k) and v is True for k, v in asked.items()):
                got = await self._autoscale(sel, graph, [_AUTORANGE.match(k).group(1) for k in asked])  # type: ignore[union-attr]
                if got != asked:
                    raise GraphPointError(f"graph {graph}: the double-click gave relayoutData {got}, not {asked} "
                                          f"(plotly.js resets an axis the figure gives a range to that range)")
            elif all(_RANGE.match(k) for k in asked):
                await self._zoom(sel, graph, asked)
            else:
                raise GraphPointError(f"graph {graph}: in the browser, relayout does {RELAYOUT_SUPPORTED}; for "
                                      f"{asked} use set_props(graph, relayoutData=...), which sets the prop only")
            await self._done(wait)

        self._call(go)

    async def _autoscale(self, sel: str, graph: str, names: list[str]) -> Any:
        axes = (await px.axes_info(self.page, sel, names, graph=graph))["axes"]
        xs = [n for n in names if axes[n]["letter"] == "x"]
        ys = [n for n in names if axes[n]["letter"] == "y"]
        x_name = xs[0] if xs else _other_axis(axes[ys[0]]["anchor"])
        y_name = ys[0] if ys else _other_axis(axes[xs[0]]["anchor"])
        spot = await px.empty_spot(self.page, sel, x_name, y_name, graph=graph)
        await self._press(sel)
        await self.page.mouse.dblclick(*spot)
        self._pressed()
        return (await self._event(sel, "relayout", graph, "a double-click on the plot"))["update"]

    async def _zoom(self, sel: str, graph: str, asked: Mapping[str, Any]) -> None:
        names = sorted({_RANGE.match(k).group(1) for k in asked})  # type: ignore[union-attr]
        info = await px.axes_info(self.page, sel, names, graph=graph)
        if info["dragmode"] != "zoom":
            raise GraphPointError(f"graph {graph}: a zoom drag needs layout.dragmode 'zoom' (it has "
                                  f"{info['dragmode']!r})")
        axes = info["axes"]
        by_letter = {axes[n]["letter"]: n for n in names}
        if len(by_letter) != len(names) or (len(names) == 2 and axes[by_letter["x"]]["anchor"] != axes[by_letter["y"]]["id"]):
            raise GraphPointError(f"graph {graph}: a zoom drag zooms one subplot: one x axis and its y axis")
        spans = {letter: await self._span(sel, graph, name, axes[name], asked) for letter, name in by_letter.items()}
        if len(names) == 1:  # the other direction: the middle of the subplot's other axis (an x- or y-only zoom)
            other = _other_axis(axes[names[0]]["anchor"])
            axis = (await px.axes_info(self.page, sel, [other], graph=graph))["axes"][other]
            spans[axis["letter"]] = (axis["offset"] + axis["length"] / 2,) * 2
        (x0, x1), (y0, y1) = spans["x"], spans["y"]
        await px.check_uncovered(self.page, sel, x0, y0, graph=graph, doing="the zoom drag")
        mouse = self.page.mouse
        await self._press(sel)
        await mouse.move(x0, y0)
        await mouse.down()
        await mouse.move(x1, y1, steps=8)
        await mouse.up()
        self._pressed()
        got = (await self._event(sel, "relayout", graph, "a zoom drag"))["update"]
        await self._check_zoom(sel, graph, asked, got, axes)

    async def _span(self, sel: str, graph: str, name: str, axis: Mapping[str, Any],
                    asked: Mapping[str, Any]) -> tuple[float, float]:
        """The page pixels of an axis's asked range, checked to be a zoom in of at least plotly's MINZOOM."""
        if f"{name}.range[0]" not in asked or f"{name}.range[1]" not in asked:
            raise GraphPointError(f"graph {graph}: give both {name}.range[0] and {name}.range[1]")
        if axis["fixed"]:
            raise GraphPointError(f"graph {graph}: {name} has fixedrange: plotly.js does not zoom it")
        lo, hi = await px.range_pixels(self.page, sel, name, [asked[f"{name}.range[0]"], asked[f"{name}.range[1]"]])
        start, end = axis["offset"] - 0.5, axis["offset"] + axis["length"] + 0.5
        if lo["l"] >= hi["l"]:
            raise GraphPointError(f"graph {graph}: {name}'s range must go up (range[0] < range[1]), as a zoom gives it")
        if not all(start <= p["px"] <= end for p in (lo, hi)):
            raise GraphPointError(f"graph {graph}: a zoom drag zooms in only: {name} shows {axis['range']}")
        if abs(hi["px"] - lo["px"]) < 20:
            raise GraphPointError(f"graph {graph}: {name}'s range is {abs(hi['px'] - lo['px']):.0f} px on the page; "
                                  f"plotly.js takes a drag under 20 px as no zoom of that axis")
        return lo["px"], hi["px"]

    async def _check_zoom(self, sel: str, graph: str, asked: Mapping[str, Any], got: Any,
                          axes: Mapping[str, Any]) -> None:
        if not isinstance(got, dict) or set(got) != set(asked):
            raise GraphPointError(f"graph {graph}: the zoom drag gave relayoutData {got}, not the keys of {asked}")
        for key, want in asked.items():
            name = _RANGE.match(key).group(1)  # type: ignore[union-attr]
            mine, theirs = await px.range_pixels(self.page, sel, name, [want, got[key]])
            if abs(mine["l"] - theirs["l"]) > 1.5 * axes[name]["perPx"]:
                raise GraphPointError(f"graph {graph}: the zoom drag gave {key} = {got[key]!r}, not {want!r}")


def _other_axis(anchor: str) -> str:
    """The layout name of the axis an axis is anchored to ('y2' -> 'yaxis2')."""
    return f"{anchor[0]}axis{anchor[1:]}"


def _same_points(event: Mapping[str, Any], want: Sequence[tuple[int, int]], graph: str, what: str) -> None:
    got = sorted(tuple(p) for p in event.get("points") or [])
    if got != sorted(tuple(p) for p in want):
        raise GraphPointError(f"graph {graph}: {what} gave points {got} (curve, point), not {sorted(want)}: "
                              f"other points are drawn there (or plotly's hovermode is not 'closest')")
