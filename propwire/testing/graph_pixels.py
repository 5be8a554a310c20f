"""Where things are on a drawn dcc.Graph, for real mouse actions in Chromium: a point's pixel position (from
plotly.js's own axes, so it does not depend on the page's layout), the path of a box or lasso over given points,
an empty spot of the plot area, an annotation or legend item. One copy, used by `BrowserDriver`'s Graph verbs
(propwire/testing/browser_graph.py) and by the parity runner's graph steps (tests/parity/graph_steps.py).

Everything here reads the plot plotly.js drew (`gd._fullData`, `gd._fullLayout`, the SVG), the same on Dash and
on propwire. Each function takes a Playwright async `Page` and the CSS selector of the Graph's outer element.

Example::

    x, y = await point_position(page, "[id='g']", curve=0, point=3)
    await page.mouse.click(x, y)
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from propwire.testing.graph_points import GraphPointError

# Shared JS helpers, pasted at the top of each snippet (page.evaluate takes one function; no eval under a CSP).
_HELPERS = """
  const gdOf = sel => { const el = document.querySelector(sel);
    return el && (el.classList.contains('js-plotly-plot') ? el : el.querySelector('.js-plotly-plot')); };
  const axesOf = (gd, trace) => { const L = gd._fullLayout;
    return [L[(trace.xaxis || 'x').replace('x', 'xaxis')], L[(trace.yaxis || 'y').replace('y', 'yaxis')]]; };
  const SELECTABLE = ['scatter', 'scattergl', 'bar'];
  const inArea = (gd, trace, xy) => { const [xa, ya] = axesOf(gd, trace), box = gd.getBoundingClientRect();
    const px = xy[0] - box.left - xa._offset, py = xy[1] - box.top - ya._offset;
    return px >= -0.5 && px <= xa._length + 0.5 && py >= -0.5 && py <= ya._length + 0.5; };
  // Page coordinates of point i of trace `curve`: a bar's centre (where plotly hits and selects it), else the
  // point's data position on its axes; null when it is not drawn (no value, or outside the axes' ranges).
  const pointAt = (gd, curve, i) => {
    const trace = gd._fullData[curve], box = gd.getBoundingClientRect();
    let xy = null;
    if (trace.type === 'bar') {
      const group = Array.from(gd.querySelectorAll('.barlayer .trace'))
        .find(g => g.__data__ && g.__data__[0] && g.__data__[0].trace.index === curve);
      const cd = group && group.__data__;
      const bar = cd && cd[i] && Array.from(group.querySelectorAll('.point')).find(p => p.__data__ === cd[i]);
      const r = bar && bar.getBoundingClientRect();
      if (r && (r.width || r.height)) xy = [r.left + r.width / 2, r.top + r.height / 2];
    } else {
      const [xa, ya] = axesOf(gd, trace);
      const x = trace.x ? trace.x[i] : trace.x0 + i * trace.dx, y = trace.y ? trace.y[i] : trace.y0 + i * trace.dy;
      const px = xa.d2p(x), py = ya.d2p(y);
      if (Number.isFinite(px) && Number.isFinite(py)) xy = [box.left + xa._offset + px, box.top + ya._offset + py];
    }
    return xy && inArea(gd, trace, xy) ? xy : null;
  };
  const count = trace => trace.type === 'bar' || trace.x || trace.y ?
    Math.min(...['x', 'y'].filter(k => trace[k]).map(k => trace[k].length)) : 0;
  // What the pointer would land on there: '' for the plot's own drag layer, else the covering element's tag.
  const cover = (gd, xy) => { const el = document.elementFromPoint(xy[0], xy[1]);
    if (el && gd.contains(el) && el.closest('.draglayer')) return '';
    const named = el && (el.closest('.modebar-btn, .legend, .annotation, .colorbar') || el.closest('[class]') || el);
    return named ? `<${named.tagName.toLowerCase()} class="${named.getAttribute('class') || ''}">` : 'nothing (off the page)'; };
"""

_READY = "sel => { const el = document.querySelector(sel); const gd = el && el.querySelector('.js-plotly-plot');" \
         " return Boolean(gd && gd._fullLayout && gd._fullData && gd.querySelector('.main-svg')); }"

_POINT = """([sel, curve, point]) => {""" + _HELPERS + """
  const gd = gdOf(sel), data = gd._fullData;
  if (!(curve >= 0 && curve < data.length)) return {error: `no trace ${curve} (its figure has ${data.length})`};
  const trace = data[curve];
  if (!(point >= 0 && point < count(trace))) return {error: `trace ${curve} has no point ${point}`};
  if (trace.visible !== true) return {error: `trace ${curve} is hidden (visible: ${JSON.stringify(trace.visible)})`};
  const xy = pointAt(gd, curve, point);
  if (!xy) return {error: `point ${point} of trace ${curve} is not drawn in the plot area (outside the axes' ranges?)`};
  const covered = cover(gd, xy);
  if (covered) return {error: `point ${point} of trace ${curve} is covered by ${covered}`};
  return {xy, hovered: (gd._hoverdata || []).map(p => [p.curveNumber, p.pointNumber])};
}"""

_DATA_AT = """([sel, curve, xy]) => {""" + _HELPERS + """
  const gd = gdOf(sel), box = gd.getBoundingClientRect(), trace = gd._fullData[curve];
  if (!trace) return {error: `no trace ${curve}`};
  const [xa, ya] = axesOf(gd, trace);
  return {xy: [box.left + xa._offset + xa.d2p(xy[0]), box.top + ya._offset + ya.d2p(xy[1])]};
}"""

# The path of a box (given `range`, else around the points) or lasso over `points`, and the points it would
# select besides them / miss of them (plotly selects the drawn points of visible scatter and bar traces of the
# subplot whose position is inside the path).
_SELECTION = """([sel, points, range, lasso]) => {""" + _HELPERS + """
  const gd = gdOf(sel), box = gd.getBoundingClientRect(), first = gd._fullData[points[0][0]];
  const [xa, ya] = axesOf(gd, first), at = (ax, v) => ax._offset + ax.d2p(v);
  const ids = [xa._id, ya._id], where = {};
  for (const [c, i] of points) {
    if (!(c >= 0 && c < gd._fullData.length)) return {error: `no trace ${c} (its figure has ${gd._fullData.length})`};
    if (!(i >= 0 && i < count(gd._fullData[c]))) return {error: `trace ${c} has no point ${i}`};
    const xy = pointAt(gd, c, i);
    if (!xy) return {error: `point ${i} of trace ${c} is not drawn in the plot area`};
    const t = gd._fullData[c];
    if (t.xaxis !== first.xaxis || t.yaxis !== first.yaxis) return {error: 'the points are on different subplots'};
    where[c + ',' + i] = xy;
  }
  let path;
  if (lasso) {
    const xs = lasso[ids[0]], ys = lasso[ids[1]];
    if (!xs || !ys || xs.length !== ys.length || xs.length < 3)
      return {error: `lasso= needs ${ids[0]} and ${ids[1]} lists of 3 or more vertices`};
    path = xs.map((x, k) => [box.left + at(xa, x), box.top + at(ya, ys[k])]);
    if (!path.every(xy => inArea(gd, first, xy)))  // plotly would clamp it to the plot's edge
      return {error: 'a lasso vertex is outside the plot area (the axes show ' +
        `${JSON.stringify(xa.range)} by ${JSON.stringify(ya.range)})`};
  } else if (range) {
    const rx = range[ids[0]], ry = range[ids[1]];
    if (!rx || !ry) return {error: `range= needs ${ids[0]} and ${ids[1]} (the points' axes)`};
    const [x0, x1] = rx.map(v => box.left + at(xa, v)), [y0, y1] = ry.map(v => box.top + at(ya, v));
    path = [[x0, y0], [x1, y1]];
    if (!path.every(xy => inArea(gd, first, xy)))
      return {error: `the range is not inside the plot area (the axes show ${JSON.stringify(xa.range)} by ` +
        `${JSON.stringify(ya.range)})`};
  } else {  // the box around the points, a few pixels more, and big enough for plotly to take it as a box
    const xs = Object.values(where).map(p => p[0]), ys = Object.values(where).map(p => p[1]);
    const grow = (lo, hi) => { const pad = Math.max(4, (24 - (hi - lo)) / 2); return [lo - pad, hi + pad]; };
    const [x0, x1] = grow(Math.min(...xs), Math.max(...xs)), [y0, y1] = grow(Math.min(...ys), Math.max(...ys));
    path = [[x0, y0], [x1, y1]];
  }
  const poly = lasso ? path : [path[0], [path[1][0], path[0][1]], path[1], [path[0][0], path[1][1]]];
  const inside = ([x, y]) => { let hit = false;
    for (let a = 0, b = poly.length - 1; a < poly.length; b = a++) {
      const [xa0, ya0] = poly[a], [xb, yb] = poly[b];
      if ((ya0 > y) !== (yb > y) && x < (xb - xa0) * (y - ya0) / (yb - ya0) + xa0) hit = !hit;
    }
    return hit; };
  const extra = [];
  gd._fullData.forEach((t, c) => {
    if (!SELECTABLE.includes(t.type) || t.visible !== true || t.xaxis !== first.xaxis || t.yaxis !== first.yaxis) return;
    for (let i = 0, n = count(t); i < n && extra.length < 5; i++) {
      if (where[c + ',' + i]) continue;
      const xy = pointAt(gd, c, i);
      if (xy && inside(xy)) extra.push([c, i]);
    }
  });
  const missed = Object.entries(where).filter(([, xy]) => !inside(xy)).map(([k]) => k.split(',').map(Number));
  const covered = cover(gd, path[0]);
  return {path, extra, missed, covered, dragmode: gd._fullLayout.dragmode,
          selected: Boolean(gd._fullLayout.selections && gd._fullLayout.selections.length)};
}"""

# A spot of the subplot's area at least `hoverdistance` + a margin from every drawn point (a double-click
# there autoscales and clicks no point), or null.
_EMPTY = """([sel, xname, yname]) => {""" + _HELPERS + """
  const gd = gdOf(sel), L = gd._fullLayout, box = gd.getBoundingClientRect(), xa = L[xname], ya = L[yname];
  if (!xa || !ya) return null;
  const far = Math.max(L.hoverdistance > 0 ? L.hoverdistance : 20, 20) + 6, drawn = [];
  gd._fullData.forEach((t, c) => { if (t.visible === true && t.xaxis === xa._id && t.yaxis === ya._id)
    for (let i = 0, n = count(t); i < n; i++) { const xy = pointAt(gd, c, i); if (xy) drawn.push(xy); } });
  let best = null, bestGap = far;
  for (let a = 1; a < 8; a++) for (let b = 1; b < 8; b++) {
    const xy = [box.left + xa._offset + xa._length * a / 8, box.top + ya._offset + ya._length * b / 8];
    if (cover(gd, xy)) continue;
    let gap = Infinity;  // a loop, not Math.min(...): a big trace has more points than a call has arguments
    for (const p of drawn) gap = Math.min(gap, Math.hypot(p[0] - xy[0], p[1] - xy[1]));
    if (gap >= bestGap) { best = xy; bestGap = gap; }
  }
  return best;
}"""

# A spot off every subplot's area (moving there unhovers): beside the graph if the page has room, else a corner
# of the paper's margin.
_OFF_PLOT = """sel => { const el = document.querySelector(sel), r = el.getBoundingClientRect();
  const gd = el.querySelector('.js-plotly-plot'), L = gd._fullLayout, s = L._size, g = gd.getBoundingClientRect();
  const spots = [[r.left + r.width / 2, r.bottom + 4], [r.right + 4, r.top + r.height / 2], [r.left - 4, r.top + 4],
                 [g.left + Math.min(2, s.l / 2), g.top + Math.min(2, s.t / 2)],
                 [g.left + Math.min(2, s.l / 2), g.bottom - Math.min(2, s.b / 2)]];
  return spots.find(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight && (() => {
    const hit = document.elementFromPoint(x, y); return !hit || !hit.closest('.draglayer, .legend, .modebar'); })()) || null; }"""

_ANNOTATION = """([sel, index]) => {""" + _HELPERS + """
  const gd = gdOf(sel), notes = gd._fullLayout.annotations || [];
  if (!(index >= 0 && index < notes.length)) return {error: `no annotation ${index} (its layout has ${notes.length})`};
  if (!notes[index].captureevents) return {error: `annotation ${index} has no captureevents=True, so plotly.js sends no click for it`};
  const g = gd.querySelector(`.annotation[data-index="${index}"] .annotation-text-g`);
  const r = g && g.getBoundingClientRect();
  if (!r || !(r.width && r.height)) return {error: `annotation ${index} is not drawn`};
  const xy = [r.left + r.width / 2, r.top + r.height / 2], hit = document.elementFromPoint(xy[0], xy[1]);
  if (!hit || !hit.closest(`.annotation[data-index="${index}"]`))
    return {error: `annotation ${index} is covered by ${hit ? cover(gd, xy) || 'the plot' : 'nothing (off the page)'}`};
  return {xy};
}"""

_LEGEND = """([sel, curve]) => {""" + _HELPERS + """
  const gd = gdOf(sel), data = gd._fullData;
  if (!(curve >= 0 && curve < data.length)) return {error: `no trace ${curve} (its figure has ${data.length})`};
  const item = Array.from(gd.querySelectorAll('.legend .traces'))
    .find(g => g.__data__ && g.__data__[0] && g.__data__[0].trace && g.__data__[0].trace.index === curve);
  const toggle = item && item.querySelector('.legendtoggle'), r = toggle && toggle.getBoundingClientRect();
  if (!r || !(r.width && r.height)) return {error: `trace ${curve} has no legend item (plotly shows a legend for ` +
    'two or more traces, or with layout.showlegend)'};
  const xy = [r.left + r.width / 2, r.top + r.height / 2], hit = document.elementFromPoint(xy[0], xy[1]);
  if (hit !== toggle) return {error: `the legend item of trace ${curve} is covered by ${cover(gd, xy) || 'the plot'}`};
  return {xy};
}"""

# relayout: for each axis range asked, its pixels (before the drag) and one pixel's worth in the axis's linear
# units, for checking the result; the subplot the axes make.
_AXES = """([sel, names]) => {""" + _HELPERS + """
  const gd = gdOf(sel), L = gd._fullLayout, box = gd.getBoundingClientRect(), out = {};
  for (const name of names) {
    const ax = L[name];
    if (!ax || !ax._id) return {error: `the figure has no ${name}`};
    out[name] = {id: ax._id, letter: ax._id[0], offset: (ax._id[0] === 'x' ? box.left : box.top) + ax._offset,
                 length: ax._length, perPx: Math.abs(ax.p2l(1) - ax.p2l(0)), anchor: ax.anchor,
                 range: ax.range.slice(), fixed: Boolean(ax.fixedrange)};
  }
  return {axes: out, dragmode: L.dragmode};
}"""

# Range values (as plotly gives them: numbers, date strings) in the axis's linear units, and in pixels.
_TO_PIXELS = """([sel, name, values]) => { const el = document.querySelector(sel);
  const gd = el.querySelector('.js-plotly-plot'), ax = gd._fullLayout[name], box = gd.getBoundingClientRect();
  const base = (ax._id[0] === 'x' ? box.left : box.top) + ax._offset;
  return values.map(v => ({l: ax.r2l(v), px: base + ax.l2p(ax.r2l(v))})); }"""

# The arrays plotly.js drew, per trace: values as lists (rows of a 2-D one too) and the kind of each.
_DRAWN = """sel => { const gd = document.querySelector(sel).querySelector('.js-plotly-plot');
  const plain = v => ArrayBuffer.isView(v) ? Array.from(v) : Array.isArray(v) ? v.map(plain) : v;
  const kind = v => ArrayBuffer.isView(v) ? v.constructor.name : Array.isArray(v) ?
    (v.length && ArrayBuffer.isView(v[0]) ? v[0].constructor.name + '[]' : 'Array') : typeof v;
  return gd._fullData.map(t => { const out = {type: t.type, kinds: {}};
    for (const key of ['x', 'y', 'z', 'customdata', 'text']) if (t[key] !== undefined && typeof t[key] !== 'string') {
      out[key] = plain(t[key]); out.kinds[key] = kind(t[key]); }
    return out; }); }"""

_COVER = """([sel, xy]) => {""" + _HELPERS + """ return cover(gdOf(sel), xy); }"""

# Each plotly event the graph emits from now on (name, and the (curve, point) pairs of its points).
_WATCH = """sel => { const el = document.querySelector(sel); const gd = el.querySelector('.js-plotly-plot');
  if (gd.__pwEv !== gd._ev) {
    gd.__pwEv = gd._ev;
    for (const name of ['click', 'hover', 'unhover', 'selected', 'deselect', 'relayout', 'restyle', 'clickannotation'])
      gd.on('plotly_' + name, e => (gd.__pwSeen || []).push({name, points: e && Array.isArray(e.points) ?
        e.points.map(p => [p.curveNumber, p.pointNumber]) : null, update: name === 'relayout' ? e : null}));
  }
  gd.__pwSeen = []; }"""
_SEEN = """([sel, name]) => { const gd = document.querySelector(sel).querySelector('.js-plotly-plot');
  const seen = gd.__pwSeen || []; return seen.some(e => e.name === name) ? seen : null; }"""


class GraphPixelError(GraphPointError):
    """A Graph verb the drawn plot cannot do as asked (a point off the axes, covered, overlapping another...)."""


def graph_selector(id_str: str) -> str:
    """The CSS selector of a Graph's outer element, from its id string (dict ids included)."""
    return f"[id={json.dumps(id_str, ensure_ascii=False)}]"


async def wait_plotted(page: Any, sel: str, timeout: float) -> None:
    """Until plotly.js has drawn the graph (its chunk loads lazily)."""
    await page.wait_for_function(_READY, arg=sel, timeout=timeout * 1000)


async def _answer(page: Any, script: str, arg: Any, graph: str) -> Any:
    found = await page.evaluate(script, arg)
    if isinstance(found, dict) and "error" in found:
        raise GraphPixelError(f"graph {graph}: {found['error']}")
    return found


async def point_position(page: Any, sel: str, curve: int, point: int, *, graph: str = "?") -> dict[str, Any]:
    """{xy: the page position of point `point` of trace `curve`, hovered: the (curve, point) pairs plotly hovers
    now}; GraphPixelError when the point is not drawn in the plot area or something covers it."""
    return await _answer(page, _POINT, [sel, curve, point], graph)


async def data_position(page: Any, sel: str, x: Any, y: Any, curve: int = 0, *,
                        graph: str = "?") -> tuple[float, float]:
    """The page position of data coordinates (x, y) on trace `curve`'s axes (it may be outside the plot area)."""
    return tuple((await _answer(page, _DATA_AT, [sel, curve, [x, y]], graph))["xy"])


async def selection_path(page: Any, sel: str, points: Sequence[tuple[int, int]], *, range: Any = None,  # noqa: A002
                         lasso: Any = None, graph: str = "?") -> dict[str, Any]:
    """The drag path (a box's two corners, or the lasso's vertices) selecting exactly `points`, with the
    figure's dragmode; GraphPixelError when the path would select other points too, or miss some."""
    found = await _answer(page, _SELECTION, [sel, [list(p) for p in points], range, lasso], graph)
    if found["missed"]:
        raise GraphPixelError(f"graph {graph}: the selection misses points {found['missed']} (curve, point)")
    if found["extra"]:
        raise GraphPixelError(f"graph {graph}: the selection would also take points {found['extra']} (curve, point); "
                              f"a selection takes every drawn point inside it: give all the points it holds, or another range=/lasso=")
    if found["covered"]:
        raise GraphPixelError(f"graph {graph}: the selection would start on {found['covered']}, not on the plot")
    return found


async def empty_spot(page: Any, sel: str, xaxis: str = "xaxis", yaxis: str = "yaxis", *,
                     graph: str = "?") -> tuple[float, float]:
    """A spot of the subplot's area far from every drawn point (a double-click there touches no point)."""
    found = await page.evaluate(_EMPTY, [sel, xaxis, yaxis])
    if found is None:
        raise GraphPixelError(f"graph {graph}: no spot of the plot area ({xaxis}, {yaxis}) is clear of points")
    return found[0], found[1]


async def off_plot_spot(page: Any, sel: str, *, graph: str = "?") -> tuple[float, float]:
    """A spot outside every subplot's area, where the pointer hovers nothing."""
    found = await page.evaluate(_OFF_PLOT, sel)
    if found is None:
        raise GraphPixelError(f"graph {graph}: no spot off the plot area is in the page's view")
    return found[0], found[1]


async def annotation_position(page: Any, sel: str, index: int, *, graph: str = "?") -> tuple[float, float]:
    """The centre of annotation `index` (it needs captureevents for plotly.js to report a click)."""
    return tuple((await _answer(page, _ANNOTATION, [sel, index], graph))["xy"])


async def legend_position(page: Any, sel: str, curve: int, *, graph: str = "?") -> tuple[float, float]:
    """The centre of trace `curve`'s legend item (its toggle area)."""
    return tuple((await _answer(page, _LEGEND, [sel, curve], graph))["xy"])


async def axes_info(page: Any, sel: str, names: Sequence[str], *, graph: str = "?") -> dict[str, Any]:
    """{axes: {name: {id, letter, offset, length, perPx, anchor, range, fixed}}, dragmode} for layout axes."""
    return await _answer(page, _AXES, [sel, list(names)], graph)


async def range_pixels(page: Any, sel: str, axis: str, values: Sequence[Any]) -> list[dict[str, float]]:
    """Range values of a layout axis as {l: linear units, px: page pixel}."""
    return await page.evaluate(_TO_PIXELS, [sel, axis, list(values)])


async def drawn_traces(page: Any, sel: str) -> list[dict[str, Any]]:
    """Per trace plotly.js drew: its type, x / y / z / customdata / text as lists, and `kinds`, the JS type of each
    (e.g. "Float64Array", or "Int16Array[]" for the rows of a 2-D z)."""
    return await page.evaluate(_DRAWN, sel)


async def check_uncovered(page: Any, sel: str, x: float, y: float, *, graph: str = "?", doing: str = "") -> None:
    """GraphPixelError unless the pointer at (x, y) lands on the plot's drag layer (not on the modebar, a legend,
    or plotly's "WebGL is not supported" notice)."""
    covered = await page.evaluate(_COVER, [sel, [x, y]])
    if covered:
        raise GraphPixelError(f"graph {graph}: {doing} would start on {covered}, not on the plot")


async def watch_events(page: Any, sel: str) -> None:
    """Start recording the graph's plotly events (cleared at each call)."""
    await page.evaluate(_WATCH, sel)


async def wait_event(page: Any, sel: str, name: str, timeout: float, *, graph: str = "?",
                     doing: str = "") -> list[Mapping[str, Any]]:
    """Until plotly.js emitted event `name` (e.g. "click") since watch_events; the events seen so far."""
    try:
        handle = await page.wait_for_function(_SEEN, arg=[sel, name], timeout=timeout * 1000)
    except Exception as exc:  # Playwright's TimeoutError: say what did not happen
        raise GraphPixelError(f"graph {graph}: plotly.js sent no {name} event after {doing}") from exc
    return await handle.json_value()
