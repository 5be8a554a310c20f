"""dcc.Graph steps of the parity runner: a click or a hover on one point, a drag across the plot (a box select
or a zoom, as the figure's dragmode says).

In Chromium they are real mouse actions on plotly.js's own plot, the same on Dash and on propwire (both draw it
with plotly.js 4.1.1): the runner finds where a point is from plotly's axes, in data coordinates, so the steps
do not depend on the pixel layout (propwire/testing/graph_pixels.py, which BrowserDriver's Graph verbs use too).
Headless (`play_headless`), they are the client's Graph verbs with the data coordinates the steps give, so an app
rounds the ranges a browser drag gives to match.
"""

from __future__ import annotations

import json
from typing import Any
from weakref import WeakKeyDictionary

from propwire.testing.graph_pixels import (
    annotation_position,
    data_position,
    legend_position,
    point_position,
    wait_plotted,
)

# verb -> (positional arguments, options), merged into runner.VERBS
GRAPH_VERBS = {"graph_click": (3, {"wait"}), "graph_hover": (3, {"wait"}), "graph_drag": (3, {"wait"}),
               "graph_legend": (2, {"wait"}), "graph_annotation": (2, {"wait"}), "graph_dblclick": (2, {"wait"})}


def _selector(graph_id: Any) -> str:
    from .drivers import id_key

    return f"[id={json.dumps(id_key(graph_id))}]"


async def _where(page: Any, graph_id: Any, curve: int, point: int | None, xy: list | None = None) -> tuple:
    """Page coordinates of point `point` of trace `curve`, or of data coordinates `xy` on its axes."""
    await page.component(graph_id)
    sel = _selector(graph_id)
    await wait_plotted(page.page, sel, page.timeout)
    if xy is not None:
        return await data_position(page.page, sel, xy[0], xy[1], curve, graph=repr(graph_id))
    return tuple((await point_position(page.page, sel, curve, point, graph=repr(graph_id)))["xy"])


async def leave_graph(page: Any, verb: str, args: list) -> None:
    """Before a step elsewhere than the Graph the mouse was left on: move it off that graph (to the page's corner,
    where no app puts a graph) and wait for quiet, as a user's pointer leaves a graph before it reaches anything
    else. Without the pause the unhover and the next action would be one callback call on Dash (its renderer merges
    triggers that come within a few milliseconds) where a user makes two; the headless client plays it the same
    way (pointer_moves)."""
    target = args[0] if verb.startswith("graph_") and args else None
    if page.pointer_on is None or target == page.pointer_on:
        return
    page.pointer_on = None
    await page.page.mouse.move(1, 1)
    await page.quiet()


async def graph_click(page: Any, graph_id: Any, curve: int, point: int) -> None:
    """Click point `point` of trace `curve`."""
    await page.page.mouse.click(*await _where(page, graph_id, curve, point))
    page.pointer_on = graph_id


async def graph_hover(page: Any, graph_id: Any, curve: int, point: int) -> None:
    """Move the mouse onto point `point` of trace `curve` (and leave it there)."""
    await page.page.mouse.move(*await _where(page, graph_id, curve, point))
    page.pointer_on = graph_id


# plotly.js counts a double-click by the clock when its mousedown handler runs (`new Date().getTime()`, not the
# event's timestamp): on a loaded machine the page can be busy with the first click long enough that the second
# press is handled past the double-click delay (300 ms) and counts as another single click (seen in CI). So for
# the step the page's clock stands still (Date.prototype.getTime answers one instant) while the real mouse
# double-clicks, until plotly.js reports the double-click (an autoscale's plotly_doubleclick, a deselect's
# plotly_deselect); then the clock is given back. Dash and propwire get the same events and the same clock.
_DBLCLICK_ARM = """(sel) => {
  const gd = document.querySelector(sel + ' .js-plotly-plot');
  gd.__stepSeen = false;
  const seen = () => { gd.__stepSeen = true; };
  gd.once('plotly_doubleclick', seen);
  gd.once('plotly_deselect', seen);
  const getTime = Date.prototype.getTime;
  const instant = getTime.call(new Date());
  Date.prototype.getTime = function () { return instant; };
  window.__stepClock = getTime;
}"""
_DBLCLICK_SEEN = "(sel) => document.querySelector(sel + ' .js-plotly-plot').__stepSeen"
_DBLCLICK_DISARM = """() => {
  if (window.__stepClock) { Date.prototype.getTime = window.__stepClock; delete window.__stepClock; }
}"""


async def graph_dblclick(page: Any, graph_id: Any, xy: list) -> None:
    """Double-click the plot at data point `xy` [x, y] of the first trace's axes: an autoscale when zooming, a
    deselect when selecting; returns once plotly.js has seen the double-click."""
    where = await _where(page, graph_id, 0, None, xy)
    sel = _selector(graph_id)
    await page.page.evaluate(_DBLCLICK_ARM, sel)
    try:
        await page.page.mouse.dblclick(*where)
        page.pointer_on = graph_id
        await page.page.wait_for_function(_DBLCLICK_SEEN, arg=sel, timeout=page.timeout * 1000)
    finally:
        await page.page.evaluate(_DBLCLICK_DISARM)


async def graph_drag(page: Any, graph_id: Any, start: list, end: list) -> None:
    """Drag from data point `start` [x, y] to `end` on the first trace's axes: a box select or a zoom."""
    mouse = page.page.mouse
    await mouse.move(*await _where(page, graph_id, 0, None, start))
    await mouse.down()
    await mouse.move(*await _where(page, graph_id, 0, None, end), steps=8)
    await mouse.up()
    page.pointer_on = graph_id


# The trace's `visible`, changed from `was`: a legend click's effect, which plotly.js makes a double-click delay
# after the click.
_VISIBLE = """([sel, curve, was]) => String(document.querySelector(sel + ' .js-plotly-plot')._fullData[curve].visible)
  !== was"""
_VISIBLE_NOW = "([sel, curve]) => String(document.querySelector(sel + ' .js-plotly-plot')._fullData[curve].visible)"


async def _plotted(page: Any, graph_id: Any) -> str:
    await page.component(graph_id)
    sel = _selector(graph_id)
    await wait_plotted(page.page, sel, page.timeout)
    return sel


async def graph_legend(page: Any, graph_id: Any, curve: int) -> None:
    """Click trace `curve`'s legend item (it hides a shown trace, shows a hidden one); returns once plotly.js has
    restyled the trace, which it does a double-click delay after the click."""
    sel = await _plotted(page, graph_id)
    x, y = await legend_position(page.page, sel, curve, graph=repr(graph_id))
    was = await page.page.evaluate(_VISIBLE_NOW, [sel, curve])
    await page.page.mouse.click(x, y)
    page.pointer_on = graph_id
    await page.page.wait_for_function(_VISIBLE, arg=[sel, curve, was], timeout=page.timeout * 1000)


async def graph_annotation(page: Any, graph_id: Any, index: int) -> None:
    """Click annotation `index` (it needs captureevents for plotly.js to say so)."""
    sel = await _plotted(page, graph_id)
    await page.page.mouse.click(*await annotation_position(page.page, sel, index, graph=repr(graph_id)))
    page.pointer_on = graph_id


def _figure(client: Any, graph_id: Any) -> dict:
    figure = client.prop(graph_id, "figure")
    return figure if isinstance(figure, dict) else {}


def _point_at(figure: dict, xy: list) -> tuple[int, int] | None:
    """The (curve, point) of the first trace whose point is exactly at data coordinates `xy` (a drag that starts on
    a point hovers it first in the browser); None when no point is there."""
    from propwire.testing.graph_points import _coordinate, _length

    for curve, trace in enumerate(figure.get("data") or []):
        for point in range(_length(trace)):
            if [_coordinate(trace, "x", point), _coordinate(trace, "y", point)] == list(xy):
                return curve, point
    return None


def _drag(client: Any, graph_id: Any, start: list, end: list, wait: bool) -> None:
    """A drag headless: the hover of a point the drag starts on, then a box select (selectedData with the points
    in the box and its `range`) or a zoom (relayoutData with the box's ranges), as the figure's dragmode says."""
    from propwire.testing.graph_points import points_in_box

    figure = _figure(client, graph_id)
    layout = figure.get("layout") or {}
    trace = (figure.get("data") or [{}])[0]
    xaxis, yaxis = trace.get("xaxis") or "x", trace.get("yaxis") or "y"
    xs, ys = sorted([start[0], end[0]]), sorted([start[1], end[1]])
    under = _point_at(figure, start)
    if under is not None:
        client.hover_point(graph_id, *under, wait=wait)
    mode = layout.get("dragmode", "zoom")
    if mode == "select":
        picked = points_in_box(figure, xs, ys, xaxis=xaxis, yaxis=yaxis, graph=str(graph_id))
        client.select_points(graph_id, picked, range={xaxis: xs, yaxis: ys}, wait=wait)
    elif mode == "zoom":
        xname, yname = xaxis.replace("x", "xaxis"), yaxis.replace("y", "yaxis")
        client.relayout(graph_id, {f"{xname}.range[0]": xs[0], f"{xname}.range[1]": xs[1],
                                   f"{yname}.range[0]": ys[0], f"{yname}.range[1]": ys[1]}, wait=wait)
    else:
        raise NotImplementedError(f"graph_drag on {graph_id!r}: the headless steps play a box select or a zoom, "
                                  f"not dragmode {mode!r}")


def _dblclick(client: Any, graph_id: Any, xy: list, wait: bool) -> None:
    """A double-click headless: the hover of a point there, then an autoscale (relayoutData with both axes'
    autorange) when zooming, a deselect (selectedData None) when selecting."""
    figure = _figure(client, graph_id)
    under = _point_at(figure, xy)
    if under is not None:
        client.hover_point(graph_id, *under, wait=wait)
    mode = (figure.get("layout") or {}).get("dragmode", "zoom")
    trace = (figure.get("data") or [{}])[0]
    xname, yname = (trace.get("xaxis") or "x").replace("x", "xaxis"), (trace.get("yaxis") or "y").replace("y", "yaxis")
    if mode == "zoom":
        client.relayout(graph_id, {f"{xname}.autorange": True, f"{yname}.autorange": True}, wait=wait)
    elif mode == "select":
        client.select_points(graph_id, [], wait=wait)
    else:
        raise NotImplementedError(f"graph_dblclick on {graph_id!r}: not with dragmode {mode!r}")


# The graph the pointer is over, per headless client: the browser's pointer stays where the last Graph step left it,
# and leaving that graph is an unhover (hoverData None with clear_on_unhover).
_POINTER: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()


def pointer_moves(client: Any, verb: str, args: list, wait: bool) -> None:
    """Before any headless step: a step elsewhere than the graph under the pointer moves the pointer off it."""
    over = _POINTER.get(client)
    target = args[0] if verb.startswith("graph_") and args else None
    if over is not None and target != over:
        _POINTER.pop(client)
        if client.exists(over):
            client.unhover(over, wait=wait)


def play_headless(client: Any, verb: str, args: list, wait: bool) -> None:
    """A Graph step through the headless client's Graph verbs: a click is a hover then a click (the pointer goes
    there first, as a user's does), a hover is hover_point, a drag as `_drag` says."""
    graph_id = args[0]
    if verb in ("graph_click", "graph_hover"):
        client.hover_point(graph_id, args[1], args[2], wait=wait)
        if verb == "graph_click":
            client.click_point(graph_id, args[1], args[2], wait=wait)
    elif verb == "graph_drag":
        _drag(client, graph_id, args[1], args[2], wait)
    elif verb == "graph_dblclick":
        _dblclick(client, graph_id, args[1], wait)
    elif verb == "graph_legend":
        client.click_legend(graph_id, args[1], wait=wait)
    elif verb == "graph_annotation":
        client.click_annotation(graph_id, args[1], wait=wait)
    else:
        raise ValueError(f"{verb}: not a dcc.Graph step")
    _POINTER[client] = graph_id


# A Graph draws nothing until plotly.js has loaded (a chunk on both frameworks) and no callback request tells the
# runner it is still coming: a page is not idle while a Graph of its layout has no plot.
_GRAPHS = {
    "dash": """() => { const st = window.store.getState(); let n = 0;
      const walk = v => { if (Array.isArray(v)) { v.forEach(walk); return; } if (!v || typeof v !== 'object') return;
        if (v.namespace === 'dash_core_components' && v.type === 'Graph') n += 1; Object.values(v).forEach(walk); };
      walk(st.layout); return n; }""",
    "propwire": """() => { const store = window.propwire.runtime.store; let n = 0;
      for (const id of store.ids()) { const e = store.entry(id); if (e && e.comp.namespace === 'dcc'
        && e.comp.type === 'Graph') n += 1; }
      return n; }""",
}


def with_graphs_ready(framework: str, idle_js: str) -> str:
    """The framework's idle check, and every Graph of the layout plotted."""
    return (f"() => ({idle_js})() && document.querySelectorAll('.js-plotly-plot .main-svg').length >= "
            f"({_GRAPHS[framework]})()")
