"""The dev tools' drawn callback graph, the panel beside the error overlay, and the Timing tab's totals."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest

from .conftest import load_app, wait_idle

pytestmark = pytest.mark.browser

APP = '''
import time
from propwire import Dash, html, dcc, Input, Output, State, callback, clientside_callback, no_update
from propwire.exceptions import PreventUpdate

app = Dash(__name__)
app.layout = html.Div([
    dcc.Input(id="city", value="NYC"),
    dcc.Input(id="search", value=""),
    html.Button("go", id="go"),
    html.Button("explode", id="boom"),
    dcc.Store(id="filters"),
    html.Div(id="summary"), html.Div(id="table"), html.Div(id="count"), html.Div(id="title"),
    html.Div(id="status"), html.Div(id="never"),
])


@callback(Output("filters", "data"), Input("city", "value"), Input("go", "n_clicks"), State("search", "value"))
def update_filters(city, n, text):
    return {"city": city, "q": text}


@callback(Output("summary", "children"), Output("count", "children"), Input("filters", "data"))
def update_summary(filters):
    time.sleep(0.3)
    return filters["city"], 3


@callback(Output("table", "children"), Input("filters", "data"), prevent_initial_call=True)
def render_table(filters):
    if not filters["q"]:
        raise PreventUpdate
    return filters["q"]


@callback(Output("status", "children"), Input("count", "children"))
def update_status(count):
    return no_update


@callback(Output("never", "children"), Input("boom", "n_clicks"), prevent_initial_call=True)
def explode(n):
    raise ValueError("boom")


clientside_callback("function(s) { return 'Report: ' + s; }", Output("title", "children"), Input("summary", "children"))
'''

# 7 props read or written by the 5 server callbacks + summary → title: city, go, search, filters, summary,
# count, table, status, boom, never, title.
PROPS = 11
CALLBACKS = 6


@pytest.fixture
def app(tmp_path: Path) -> Any:
    path = tmp_path / "graph_app.py"
    path.write_text(textwrap.dedent(APP))
    return load_app(path)


def open_graph(page: Any) -> Any:
    page.click("#_pw-devtools-toggle")
    page.click("#_pw-devtools [data-tab='graph']")
    return page.wait_for_selector("#_pw-devtools svg.pw-dt-svg")


def test_the_graph_is_drawn_lazily_as_svg_and_a_click_shows_a_callbacks_runs(app, new_page, serve):
    page = new_page()
    page.goto(serve(app) + "/")
    wait_idle(page)
    page.wait_for_selector("#_pw-devtools-toggle")
    assert not any("graph_view" in url for url in page.requested)  # not fetched before the graph opens
    svg = open_graph(page)
    assert any("pw-devtools-graph_view-" in url for url in page.requested)
    assert len(svg.query_selector_all("g[data-node]")) == PROPS + CALLBACKS
    assert len(svg.query_selector_all("g[data-kind='callback']")) == CALLBACKS
    assert len(svg.query_selector_all("path[data-kind='output']")) == 7
    assert len(svg.query_selector_all("path[data-kind='state']")) == 1
    names = svg.eval_on_selector_all("g[data-kind='callback']", "els => els.map(e => e.dataset.name)")
    assert names == ["update_filters", "update_summary", "render_table", "update_status", "explode",
                     "function(s) { return 'Report: ' + s; }"]
    # Left to right: an Input's node is left of its callback, the callback left of its Output.
    xs = {key: svg.eval_on_selector(f"g[data-node='{key}'] rect", "r => r.getBBox().x")
          for key in ("p:city.value", "c:0", "p:filters.data")}
    assert xs["p:city.value"] < xs["c:0"] < xs["p:filters.data"]

    page.click("g[data-name='update_summary']")
    details = page.wait_for_selector(".pw-dt-node-details[data-name='update_summary']")
    run = details.query_selector(".pw-dt-run[data-status='ran']")
    assert run is not None
    text = run.inner_text()
    assert "page load" in text and "triggered by filters.data" in text
    assert 'filters.data = {"city":"NYC","q":""}' in text  # its input
    assert 'summary.children = "NYC"' in text and "count.children = 3" in text  # its outputs
    assert float(text.split(" ms")[0].split()[-1]) >= 300  # its duration

    # Why not: prevent_initial_call at load; PreventUpdate on a click; no_update; absent from an event.
    page.click("g[data-name='render_table']")
    why = page.wait_for_selector(".pw-dt-node-details[data-name='render_table']").inner_text()
    assert "prevent_initial_call=True" in why
    page.click("#go")
    wait_idle(page)
    page.wait_for_selector(".pw-dt-node-details[data-name='render_table'] .pw-dt-run[data-status='skipped']")
    assert "it raised PreventUpdate" in page.inner_text(".pw-dt-node-details")
    page.click("g[data-name='update_status']")
    assert "returned no_update for every output" in page.inner_text(".pw-dt-node-details[data-name='update_status']")
    page.click("g[data-name='explode']")
    page.wait_for_selector(".pw-dt-node-details[data-name='explode'] .pw-dt-run[data-status='not in event']")
    assert "none of its Inputs (boom.n_clicks) changed" in page.inner_text(".pw-dt-node-details")
    assert page.errors == []  # type: ignore[attr-defined]


def test_a_callback_lights_up_while_it_runs(app, new_page, serve):
    page = new_page()
    page.goto(serve(app) + "/")
    wait_idle(page)
    open_graph(page)
    page.fill("#city", "MTL")
    page.wait_for_selector("g[data-name='update_summary'][data-running='1']", timeout=5_000)
    page.wait_for_selector("g[data-name='update_summary']:not([data-running])", timeout=10_000)
    assert page.get_attribute("g[data-name='update_summary']", "data-status") == "ran"


def boxes_overlap(a: dict, b: dict) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


@pytest.mark.parametrize("size", [(1280, 800), (720, 900)], ids=["wide", "narrow"])
def test_the_error_overlay_and_the_panel_never_cover_each_other(app, new_page, serve, size):
    page = new_page()
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(serve(app) + "/")
    wait_idle(page)
    open_graph(page)
    page.click("#boom")
    page.wait_for_selector("#_pw-error .pw-error-item")
    panel, overlay = page.locator("#_pw-devtools").bounding_box(), page.locator("#_pw-error").bounding_box()
    toggle = page.locator("#_pw-devtools-toggle").bounding_box()
    assert panel and overlay and toggle
    assert not boxes_overlap(panel, overlay), (panel, overlay)
    assert not boxes_overlap(toggle, overlay), (toggle, overlay)
    assert overlay["y"] >= 0 and overlay["x"] + overlay["width"] <= size[0]
    assert "Callback 'explode' raised an error" in page.inner_text("#_pw-error")
    # Both stay usable: a click on the panel's tab and on the overlay's close button reach them.
    page.click("#_pw-devtools [data-tab='timing']")
    page.click("#_pw-error button[aria-label='Dismiss errors']")
    assert page.query_selector("#_pw-error") is None


def test_the_timing_total_is_the_server_time_of_every_run(app, new_page, serve):
    page = new_page()
    page.goto(serve(app) + "/")
    wait_idle(page)
    page.fill("#city", "SF")
    wait_idle(page)
    page.click("#_pw-devtools-toggle")
    page.click("#_pw-devtools [data-tab='timing']")
    rows = page.eval_on_selector_all(
        "#_pw-devtools .pw-dt-timing tbody tr",
        "els => els.map(e => [e.dataset.name, +e.dataset.last, +e.dataset.total, e.children[4].textContent])")
    assert rows, "no timing rows"
    for name, last, total, shown in rows:
        assert total > 0 and total >= last, (name, last, total)
        assert shown != "0 ms", (name, shown)  # a fast callback's total is not rounded away
    summary = {name: total for name, _, total, _ in rows}
    assert summary["update_summary"] >= 600  # two runs of 0.3 s
    overall = float(page.get_attribute("#_pw-devtools .pw-dt-server-total", "data-ms") or 0)
    assert overall == pytest.approx(sum(summary.values()))


BIG = '''
from propwire import Dash, html, dcc, Input, Output, State, callback

app = Dash(__name__)
N = 18
app.layout = html.Div([c for i in range(N) for c in (dcc.Input(id=f"in-{i}", value=str(i)), html.Div(id=f"mid-{i}"),
                                                     html.Div(id=f"out-{i}"), html.Div(id=f"sum-{i}"))])


def make(i):
    @callback(Output(f"mid-{i}", "children"), Input(f"in-{i}", "value"))
    def parse_value(v):
        return v

    @callback(Output(f"out-{i}", "children"), Input(f"mid-{i}", "children"), State(f"in-{i}", "value"))
    def format_value(v, s):
        return f"<{v}>"

    @callback(Output(f"sum-{i}", "children"), Input(f"out-{i}", "children"), Input(f"mid-{(i + 1) % N}", "children"))
    def combine(a, b):
        return f"{a}{b}"


for i in range(N):
    make(i)
'''


def test_a_big_graph_is_drawn_and_pans_and_zooms(tmp_path, new_page, serve):
    path = tmp_path / "big.py"
    path.write_text(textwrap.dedent(BIG))
    page = new_page()
    page.goto(serve(load_app(path)) + "/")
    wait_idle(page)
    svg = open_graph(page)
    assert len(svg.query_selector_all("g[data-kind='callback']")) == 54
    assert len(svg.query_selector_all("g[data-node]")) == 54 + 4 * 18
    before = page.get_attribute("g.pw-dt-viewport", "transform")
    box = svg.bounding_box()
    assert box
    # Drag from the canvas's left edge (background, not a node): the graph pans.
    page.mouse.move(box["x"] + 4, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + 84, box["y"] + box["height"] / 2 + 40, steps=4)
    page.mouse.up()
    panned = page.get_attribute("g.pw-dt-viewport", "transform")
    assert panned != before
    page.mouse.wheel(0, -300)
    page.wait_for_function("t => document.querySelector('g.pw-dt-viewport').getAttribute('transform') !== t", arg=panned)
    # Find: typing a prop's key selects its node and brings it into view.
    page.fill("input.pw-dt-find", "sum-17.children")
    node = page.wait_for_selector("g[data-node='p:sum-17.children'][data-selected]")
    seen, canvas = node.bounding_box(), svg.bounding_box()
    assert seen and canvas and canvas["x"] <= seen["x"] <= canvas["x"] + canvas["width"]
    assert "sum-17.children" in page.inner_text(".pw-dt-node-details")
    assert page.errors == []  # type: ignore[attr-defined]
