"""The demo's Graph page (examples/graphs/gapminder.py) in Chromium, served by the demo itself under
/graphs/gapminder/: the px.line chart draws a line per country, a real click on a point drills down, the live
chart grows tick by tick, with no console error and no request leaving 127.0.0.1.
tests/testing/test_demo_graph_headless.py drives the same page headless."""

from __future__ import annotations

import runpy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

import propwire.app
from propwire.testing.live import LiveServer

from .conftest import local_page, wait_idle

pytestmark = pytest.mark.browser

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TIMEOUT = 15_000

# Where point `point` of trace `curve` of graph `id` is on the page, from plotly's own axes.
WHERE = """([id, curve, point]) => {
  const gd = document.querySelector('#' + id + ' .js-plotly-plot');
  const trace = gd._fullData[curve], L = gd._fullLayout, box = gd.getBoundingClientRect();
  return [box.left + L._size.l + L.xaxis.d2p(trace.x[point]), box.top + L._size.t + L.yaxis.d2p(trace.y[point])];
}"""
# A plot has settled once plotly has fitted it to its container (the resize after its first draw).
FITTED = """id => { const gd = document.querySelector('#' + id + ' .js-plotly-plot');
  return gd && gd._fullLayout && Math.abs(gd._fullLayout.width - gd.getBoundingClientRect().width) < 1; }"""


@pytest.fixture
def page(browser: Browser) -> Iterator[Any]:
    """The demo's Graph page, loaded; at teardown no page or console error and no request off 127.0.0.1."""
    propwire.app.GLOBAL_CALLBACKS.clear()
    build = runpy.run_path(str(EXAMPLES / "demo.py"))["build"]
    contexts: list[Any] = []
    with LiveServer(build()) as server:
        page = local_page(browser, contexts)
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r: None if r.url.startswith(server.url) else problems.append(f"off 127.0.0.1: {r.url}"))
        page.goto(server.url + "/graphs/gapminder/")
        wait_idle(page, TIMEOUT)
        try:
            yield page
            assert page.errors == [] and problems == [], (page.errors, problems)
        finally:
            for context in contexts:
                context.close()


def test_the_graph_page_draws_drills_down_on_a_click_and_grows_the_live_chart(page):
    page.click("#pause")  # the live chart waits while the line chart is checked
    # the dropdown (a lazy chunk) above the chart has its final height, and the chart its final size
    expect(page.locator("#countries .pw-dropdown__multi-value")).to_have_count(4)
    page.wait_for_function(FITTED, arg="trend")
    expect(page.locator("#trend .scatterlayer .trace")).to_have_count(4)  # France, Japan, Brazil, Kenya
    names = page.evaluate("() => document.querySelector('#trend .js-plotly-plot')._fullData.map(t => t.name)")
    assert sorted(names) == ["Brazil", "France", "Japan", "Kenya"]

    page.locator("#trend").scroll_into_view_if_needed()  # clicking Pause scrolled down to it
    page.mouse.click(*page.evaluate(WHERE, ["trend", names.index("Japan"), 3]))
    expect(page.locator("#drill-title")).to_have_text("Japan in 1967")
    expect(page.locator("#drill-graph .barlayer .point")).to_have_count(12)  # a bar a year, 1952-2007
    expect(page.locator("#drill-table tbody tr")).to_have_count(12)
    expect(page.locator("#drill-table tbody tr").nth(3)).to_have_css("font-weight", "700")

    # the dropdown: a country removed is a line less, drawn by Plotly.react on the same plot
    page.locator("#countries .pw-dropdown__multi-value", has_text="Kenya").locator(".pw-dropdown__multi-value__remove").click()
    expect(page.locator("#trend .scatterlayer .trace")).to_have_count(3)

    page.click("#pause")  # Resume: one point a tick
    expect(page.locator("#live-status")).to_have_text("tick 3", timeout=TIMEOUT)
    drawn = page.evaluate("() => Array.from(document.querySelector('#live .js-plotly-plot').data[0].x)")
    assert drawn[:3] == [1, 2, 3]
    page.click("#pause")
    wait_idle(page)
    shown = page.evaluate("() => document.querySelector('#live .js-plotly-plot').data[0].x.length")
    expect(page.locator("#live-status")).to_have_text(f"tick {shown}")  # a point drawn per tick, none twice
    page.click("#read")  # the figure read as State holds what the chart draws
    expect(page.locator("#live-read")).to_contain_text(f"{shown} points, ticks 1 to {shown}")
