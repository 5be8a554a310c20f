"""The demo's Graph page (examples/graphs/gapminder.py) served by the demo and driven by the headless client: the
dropdown filters the px.line figure, a click on a point drills down into its country, and an Interval grows the
live chart through extendData with max points. tests/browser/test_demo_graph.py draws the same page in Chromium.
"""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any

import httpx
import pytest

import propwire.app
from propwire.testing.live import LiveServer

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def page_module() -> dict[str, Any]:
    """The page's module namespace: its app (which claimed the page's @callback's) and its data."""
    propwire.app.GLOBAL_CALLBACKS.clear()
    namespace = runpy.run_path(str(EXAMPLES / "graphs" / "gapminder.py"))
    namespace["app"].engine
    return namespace


@pytest.fixture
def page(propwire_client):
    module = page_module()
    client = propwire_client(module["app"])
    client.module = module
    yield client
    assert client.errors() == []


def countries_of(figure: dict) -> list[str]:
    return [trace["name"] for trace in figure["data"]]


def test_the_demo_lists_and_serves_the_graph_page():
    propwire.app.GLOBAL_CALLBACKS.clear()
    build = runpy.run_path(str(EXAMPLES / "demo.py"))["build"]
    with LiveServer(build()) as server:
        index = httpx.get(server.url + "/")
        page = httpx.get(server.url + "/graphs/gapminder/")
    assert index.status_code == 200 and '"href":"/graphs/gapminder/"' in index.text  # a link in the inline layout
    assert page.status_code == 200
    # the layout's figure is in the page, its numeric arrays as typed-array specs (plotly.py's bdata)
    assert '"id":"trend"' in page.text and '"bdata"' in page.text


def test_the_dropdown_and_the_metric_filter_the_line_chart(page):
    df = page.module["DF"]
    figure = page.prop("trend", "figure")
    assert sorted(countries_of(figure)) == sorted(page.module["START"])
    assert figure["layout"]["yaxis"].get("type") != "log"

    page.select("countries", ["Chile", "Norway"])
    figure = page.prop("trend", "figure")
    assert countries_of(figure) == ["Chile", "Norway"]
    # each line carries its country on every point, for the drill-down
    assert figure["data"][1]["customdata"] == [["Norway"]] * int((df.country == "Norway").sum())

    page.select("metric", "gdpPercap")
    figure = page.prop("trend", "figure")
    assert figure["layout"]["yaxis"]["type"] == "log"
    assert figure["layout"]["yaxis"]["title"]["text"] == "GDP per capita (US$)"

    page.select("countries", [])
    assert page.prop("trend", "figure")["data"] == []


def test_a_click_on_a_point_drills_down_into_its_country(page):
    df = page.module["DF"]
    curve = countries_of(page.prop("trend", "figure")).index("Japan")
    page.click_point("trend", curve=curve, point=3)  # the fourth year: 1967
    point = page.prop("trend", "clickData")["points"][0]
    assert (point["customdata"], point["x"]) == (["Japan"], 1967)
    assert page.text("drill-title") == "Japan in 1967"

    bars = page.prop("drill-graph", "figure")["data"][0]
    japan = df[df.country == "Japan"]
    assert bars["type"] == "bar" and list(bars["marker"]["color"]).count("#d62728") == 1
    assert list(bars["marker"]["color"]).index("#d62728") == list(japan.year).index(1967)
    rows = "".join(f"{r.year}{r.lifeExp:.1f}{r.pop:,}{r.gdpPercap:,.0f}" for r in japan.itertuples())
    assert page.text("drill-table") == "YearLife expectancyPopulationGDP per capita" + rows  # a row a year


def test_the_interval_grows_the_live_chart_keeping_max_points(page):
    reading, keep = page.module["reading"], page.module["MAX_POINTS"]
    page.click("read")
    assert page.text("live-read") == "No readings yet."
    for n in range(1, keep + 6):
        page.set_props("tick", n_intervals=n)
    assert page.text("live-status") == f"tick {keep + 5}"
    trace = page.prop("live", "figure")["data"][0]
    assert trace["x"] == list(range(6, keep + 6))  # the oldest five dropped
    assert trace["y"] == [reading(n) for n in range(6, keep + 6)]
    page.click("read")  # a callback reading the figure as State sees the grown figure
    assert page.text("live-read") == f"{keep} points, ticks 6 to {keep + 5}, last reading {reading(keep + 5)}"


def test_pause_stops_the_interval_and_resume_restarts_it(page):
    assert page.prop("tick", "disabled") in (None, False)
    page.click("pause")
    assert (page.prop("tick", "disabled"), page.text("pause")) == (True, "Resume")
    page.click("pause")
    assert (page.prop("tick", "disabled"), page.text("pause")) == (False, "Pause")
