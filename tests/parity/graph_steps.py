"""dcc.Graph steps of the parity runner: a click or a hover on one point, a drag across the plot (a box select
or a zoom, as the figure's dragmode says).

In Chromium they are real mouse actions on plotly.js's own plot, the same on Dash and on propwire (both draw it
with plotly.js 4.1.1): the runner finds where a point is from plotly's axes, in data coordinates, so the steps
do not depend on the pixel layout (propwire/testing/graph_pixels.py, which BrowserDriver's Graph verbs use too).
The headless client has no Graph verbs yet (issue 15, point 4).
"""

from __future__ import annotations

import json
from typing import Any

from propwire.testing.graph_pixels import data_position, point_position, wait_plotted

# verb -> (positional arguments, options), merged into runner.VERBS
GRAPH_VERBS = {"graph_click": (3, {"wait"}), "graph_hover": (3, {"wait"}), "graph_drag": (3, {"wait"})}


def _selector(graph_id: Any) -> str:
    from drivers import id_key

    return f"[id={json.dumps(id_key(graph_id))}]"


async def _where(page: Any, graph_id: Any, curve: int, point: int | None, xy: list | None = None) -> tuple:
    """Page coordinates of point `point` of trace `curve`, or of data coordinates `xy` on its axes."""
    await page.component(graph_id)
    sel = _selector(graph_id)
    await wait_plotted(page.page, sel, page.timeout)
    if xy is not None:
        return await data_position(page.page, sel, xy[0], xy[1], curve, graph=repr(graph_id))
    return tuple((await point_position(page.page, sel, curve, point, graph=repr(graph_id)))["xy"])


async def graph_click(page: Any, graph_id: Any, curve: int, point: int) -> None:
    """Click point `point` of trace `curve`."""
    await page.page.mouse.click(*await _where(page, graph_id, curve, point))


async def graph_hover(page: Any, graph_id: Any, curve: int, point: int) -> None:
    """Move the mouse onto point `point` of trace `curve` (and leave it there)."""
    await page.page.mouse.move(*await _where(page, graph_id, curve, point))


async def graph_drag(page: Any, graph_id: Any, start: list, end: list) -> None:
    """Drag from data point `start` [x, y] to `end` on the first trace's axes: a box select or a zoom."""
    mouse = page.page.mouse
    await mouse.move(*await _where(page, graph_id, 0, None, start))
    await mouse.down()
    await mouse.move(*await _where(page, graph_id, 0, None, end), steps=8)
    await mouse.up()


def play_headless(client: Any, verb: str, args: list, wait: bool) -> None:
    """The headless client cannot play Graph steps yet: say so (the apps are in known.HEADLESS)."""
    raise NotImplementedError(f"{verb}: the headless client has no dcc.Graph verbs yet (issue 15, point 4)")


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
