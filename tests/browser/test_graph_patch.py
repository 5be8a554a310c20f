"""A Patch on a dcc.Graph's figure in Chromium (docs/graph.md, "Patch on a figure"): on a 200,000-point figure
a recolour travels as a few hundred bytes each way, is drawn, and plotly.js keeps the plot element, its canvas
and the untouched trace's arrays; chained callbacks and later State see the patched figure; extending a
typed-array trace (plotly.py's form) with a Patch extends the drawn trace."""

from __future__ import annotations

import base64
import time
from collections.abc import Iterator
from typing import Any

import numpy as np
import plotly.graph_objects as go
import pytest
from playwright.sync_api import Browser, Page, expect

from propwire import Dash, Input, Output, Patch, State, dcc, html
from propwire.api.typed_arrays import spec_values
from propwire.testing.live import LiveServer

from .conftest import local_page, wait_idle

GD = "document.querySelector('#g .js-plotly-plot')"
LAYOUT = {"width": 600, "height": 400, "showlegend": False, "margin": {"l": 40, "r": 10, "t": 10, "b": 30}}

# Marks the plot element, its WebGL canvas and trace 0's arrays, and counts afterplots from now on.
MARK = f"""() => {{ const gd = {GD}; window.__afterplots = 0; gd.on('plotly_afterplot', () => window.__afterplots++);
  window.__before = {{gd, canvas: gd.querySelector('canvas.gl-canvas-context'), x0: gd._fullData[0].x,
                      y0: gd._fullData[0].y}}; }}"""
KEPT = f"""() => {{ const gd = {GD}, b = window.__before;
  return {{gd: gd === b.gd, canvas: gd.querySelector('canvas.gl-canvas-context') === b.canvas,
          x0: gd._fullData[0].x === b.x0, y0: gd._fullData[0].y === b.y0, afterplots: window.__afterplots}}; }}"""
# Pure red pixels in a PNG (a screenshot of the plot as Chromium composited it: plotly's WebGL canvas does not keep
# its drawing buffer for reading back), counted by the page's own image decoder.
COUNT_RED = """async (b64) => { const img = new Image(); img.src = 'data:image/png;base64,' + b64; await img.decode();
  const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
  const ctx = c.getContext('2d'); ctx.drawImage(img, 0, 0);
  const px = ctx.getImageData(0, 0, c.width, c.height).data; let n = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i] > 200 && px[i + 1] < 60 && px[i + 2] < 60) n++;
  return n; }"""


def red_pixels(page: Page) -> int:
    return page.evaluate(COUNT_RED, base64.b64encode(page.locator("#g").screenshot()).decode())


def red_pixels_once_drawn(page: Page, at_least: int, timeout_s: float = 15.0) -> int:
    """The red pixel count once it reaches `at_least`, or the last count after `timeout_s`: SwiftShader may
    composite the WebGL frame a little after plotly's afterplot on a loaded machine."""
    deadline = time.monotonic() + timeout_s
    count = red_pixels(page)
    while count < at_least and time.monotonic() < deadline:
        page.wait_for_timeout(100)
        count = red_pixels(page)
    return count


@pytest.fixture
def opened(browser: Browser) -> Iterator[Any]:
    servers: list[LiveServer] = []
    contexts: list[Any] = []

    def open_(app: Dash) -> tuple[Page, LiveServer]:
        server = LiveServer(app.server)
        servers.append(server)
        page = local_page(browser, contexts)
        page.goto(server.url + "/")
        wait_idle(page, timeout=60_000)
        page.wait_for_function(f"() => {GD} && {GD}._fullData && {GD}._fullData.length > 0", timeout=60_000)
        return page, server

    yield open_
    for context in contexts:
        context.close()
    for server in servers:
        server.stop()


def big_figure(n: int = 100_000) -> go.Figure:
    rng = np.random.default_rng(3)
    return go.Figure([go.Scattergl(x=np.arange(n), y=rng.random(n), mode="markers", marker={"color": "blue", "size": 4}),
                      go.Scattergl(x=np.arange(n), y=rng.random(n) + 1, mode="markers", marker={"color": "green", "size": 4})],
                     layout=LAYOUT)


def test_a_recolour_patch_on_a_200000_point_figure_sends_bytes_not_megabytes_and_keeps_the_plot(opened: Any) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("recolour", id="recolour"), dcc.Graph(id="g", figure=big_figure())])

    @app.callback(Output("g", "figure"), Input("recolour", "n_clicks"), prevent_initial_call=True)
    def recolour(_):
        patched = Patch()
        patched["data"][1]["marker"]["color"] = "red"
        return patched

    page, server = opened(app)
    page.events.clear()  # type: ignore[attr-defined]
    page.answers.clear()  # type: ignore[attr-defined]
    page.evaluate(MARK)
    assert page.evaluate(f"() => {GD}._fullData[0].x.length + {GD}._fullData[1].x.length") == 200_000
    assert red_pixels(page) == 0
    page.click("#recolour")
    page.wait_for_function(f"() => {GD}._fullData[1].marker.color === 'red' && window.__afterplots > 0")
    wait_idle(page)
    [(url, sent)] = page.events  # type: ignore[attr-defined]  # one event for the click
    assert url == server.url.replace("http", "ws") + "/_propwire/ws"
    answer = b"".join(page.answers)  # type: ignore[attr-defined]
    assert len(sent) < 1_000, sent  # the click, not the figure
    assert len(answer) < 1_000, answer  # the Patch's operation, not the figure
    assert b'"red"' in answer and b"bdata" not in sent + answer
    assert red_pixels_once_drawn(page, 1_001) > 1_000  # the recoloured trace is drawn
    assert page.evaluate(KEPT) == {"gd": True, "canvas": True, "x0": True, "y0": True, "afterplots": 1}
    assert page.errors == []


def test_chained_callbacks_and_later_state_see_a_patched_typed_array_figure(opened: Any) -> None:
    n = 1_000
    app = Dash(__name__)
    fig = go.Figure([go.Scattergl(x=np.arange(n), y=np.linspace(0, 1, n), mode="markers"),
                     go.Scattergl(x=[0, 1], y=[2, 3], marker={"color": "green"})], layout=LAYOUT)
    app.layout = html.Div([html.Button("grow", id="grow"), html.Button("recolour", id="recolour"),
                           html.Button("look", id="look"), dcc.Graph(id="g", figure=fig),
                           html.Pre(id="chained"), html.Pre(id="later")])
    assert isinstance(fig.to_plotly_json()["data"][0]["y"], dict)  # plotly.py sends y as a typed-array spec

    @app.callback(Output("g", "figure"), Input("grow", "n_clicks"), prevent_initial_call=True)
    def grow(k):
        patched = Patch()
        patched["data"][0]["x"].extend([n + 2 * k, n + 2 * k + 1])
        patched["data"][0]["y"].extend([5.5, -2])
        return patched

    @app.callback(Output("g", "figure", allow_duplicate=True), Input("recolour", "n_clicks"), prevent_initial_call=True)
    def recolour(_):
        patched = Patch()
        patched["data"][1]["marker"]["color"] = "red"
        return patched

    @app.callback(Output("chained", "children"), Input("g", "figure"), prevent_initial_call=True)
    def chained(figure):
        return f"{len(spec_values(figure['data'][0]['y']))} {figure['data'][1]['marker']['color']}"

    @app.callback(Output("later", "children"), Input("look", "n_clicks"), State("g", "figure"), prevent_initial_call=True)
    def later(_, figure):
        x, y = figure["data"][0]["x"], figure["data"][0]["y"]
        return f"{x['dtype']} {spec_values(x)[-2:]} {y['dtype']} {spec_values(y)[-3:]} {figure['data'][1]['marker']['color']}"

    page, _server = opened(app)
    page.evaluate(MARK)
    page.click("#grow")
    expect(page.locator("#chained")).to_have_text(f"{n + 2} green")
    page.click("#recolour")
    expect(page.locator("#chained")).to_have_text(f"{n + 2} red")
    drawn = page.evaluate(f"() => {{ const t = {GD}._fullData[0]; return [t.x.length, t.x[t.x.length - 1], t.y[t.y.length - 1]]; }}")
    assert drawn == [n + 2, n + 3, -2]
    page.click("#look")
    expect(page.locator("#later")).to_have_text(f"i2 [{n + 2}, {n + 3}] f8 [1.0, 5.5, -2.0] red")
    kept = page.evaluate(KEPT)
    assert kept["gd"] and kept["canvas"] and not kept["x0"]  # trace 0 grew: new arrays, on the same plot
    assert page.errors == []


def test_extend_data_grows_a_typed_array_trace_of_a_plotly_figure(opened: Any) -> None:
    """plotly.js extends a typed array only with one of its own type: Dash 4.4.1 fails on a plotly.py figure,
    propwire converts the update (and widens the drawn array when the values do not fit its type)."""
    n = 1_000
    app = Dash(__name__)
    fig = go.Figure([go.Scattergl(x=np.arange(n), y=np.arange(n, dtype="int8") % 100)], layout=LAYOUT)
    app.layout = html.Div([html.Button("tick", id="tick"), dcc.Graph(id="g", figure=fig)])

    @app.callback(Output("g", "extendData"), Input("tick", "n_clicks"), prevent_initial_call=True)
    def tick(k):
        y = [7, 8] if k == 1 else [0.5, 1000]  # the second tick's values do not fit the drawn int8 array
        return [{"x": [[n + 2 * k, n + 2 * k + 1]], "y": [y]}, [0], n]

    page, _server = opened(app)
    drawn = f"() => {{ const t = {GD}._fullData[0]; return [t.x.length, t.x[t.x.length - 1], Array.from(t.y.slice(-2)), t.y.constructor.name]; }}"
    assert page.evaluate(drawn)[3] == "Int8Array"
    page.click("#tick")
    page.wait_for_function(f"() => {GD}._fullData[0].x[{n - 1}] === {n + 3}")
    assert page.evaluate(drawn) == [n, n + 3, [7, 8], "Int8Array"]
    page.click("#tick")
    page.wait_for_function(f"() => {GD}._fullData[0].x[{n - 1}] === {n + 5}")
    assert page.evaluate(drawn) == [n, n + 5, [0.5, 1000], "Float64Array"]
    assert page.errors == []
