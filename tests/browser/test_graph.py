"""dcc.Graph in Chromium: the figure renders, real clicks / hovers / drags set the event props callbacks read,
and plotly.js is fetched only by pages that render a Graph (the cartesian bundle unless a trace needs more)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from propwire import Dash, Input, Output, dcc, html

from .conftest import wait_idle

FIGURE = {
    "data": [{"type": "scatter", "mode": "markers", "x": [1, 2, 3, 4], "y": [10, 30, 20, 40],
              "customdata": ["a", "b", "c", "d"], "marker": {"size": 16}}],
    "layout": {"width": 500, "height": 400, "margin": {"l": 50, "r": 10, "t": 10, "b": 40},
               "xaxis": {"range": [0, 5]}, "yaxis": {"range": [0, 50]}, "hovermode": "closest"},
}


@pytest.fixture
def served(open_app: Any) -> Any:
    """served(app) -> (page, the static files it fetched so far, its console errors; both live lists), loaded and idle."""

    def open_(app: Dash) -> tuple[Page, StaticFiles, list[str]]:
        page = open_app(app)
        return page, StaticFiles(page), page.console_errors

    return open_


class StaticFiles:
    """The page's requests under /_propwire/static/, by file name, as they happen (iterable, live)."""

    def __init__(self, page: Page):
        self.page = page

    def __iter__(self) -> Iterator[str]:
        prefix = self.page.url_base + "/_propwire/static/"  # type: ignore[attr-defined]
        return (url.removeprefix(prefix) for url in self.page.requested)  # type: ignore[attr-defined]


def echo_app(graph: dcc.Graph, prop: str) -> Dash:
    """The graph and #echo, which shows the JSON of `prop` of the graph as a callback receives it."""
    app = Dash(__name__)
    app.layout = html.Div([graph, html.Pre(id="echo")])

    @app.callback(Output("echo", "children"), Input(graph.id, prop), prevent_initial_call=True)
    def echo(value: Any) -> str:
        return json.dumps(value)

    return app


def plotted(page: Page, graph_id: str = "g") -> None:
    page.wait_for_selector(f"#{graph_id} .main-svg")


def point_at(page: Page, x: float, y: float, graph_id: str = "g") -> tuple[float, float]:
    """Where data point (x, y) is on the page, from plotly's own axes."""
    return page.evaluate(
        """([id, x, y]) => {
          const gd = document.querySelector('#' + id + ' .js-plotly-plot');
          const L = gd._fullLayout, box = gd.getBoundingClientRect();
          return [box.left + L._size.l + L.xaxis.l2p(x), box.top + L._size.t + L.yaxis.l2p(y)];
        }""",
        [graph_id, x, y],
    )


def echoed(page: Page) -> Any:
    expect(page.locator("#echo")).not_to_have_text("")
    wait_idle(page)
    return json.loads(page.locator("#echo").text_content())


def test_the_figure_renders_its_traces(served: Any) -> None:
    figure = {"data": [{"type": "bar", "x": ["a", "b", "c"], "y": [3, 1, 2]}, {"type": "scatter", "y": [1, 2, 3]}],
              "layout": {"width": 500, "height": 300}}
    page, _fetched, errors = served(echo_app(dcc.Graph(id="g", figure=figure), "clickData"))
    plotted(page)
    assert page.locator("#g .barlayer .point").count() == 3
    assert page.locator("#g .scatterlayer .trace").count() == 1
    assert page.locator("#g").get_attribute("class") == "dash-graph"
    assert errors == []


def test_a_click_on_a_point_sets_click_data(served: Any) -> None:
    page, _fetched, _errors = served(echo_app(dcc.Graph(id="g", figure=FIGURE), "clickData"))
    plotted(page)
    page.evaluate("""() => { const gd = document.querySelector('#g .js-plotly-plot'); window.__redraws = 0;
                       gd.on('plotly_afterplot', () => { window.__redraws += 1; }); }""")
    page.mouse.click(*point_at(page, 3, 20))
    data = echoed(page)
    assert page.evaluate("window.__redraws") == 0  # setting clickData does not plot the figure again
    [point] = data["points"]
    assert {k: point[k] for k in ("curveNumber", "pointNumber", "pointIndex", "x", "y", "customdata")} == {
        "curveNumber": 0, "pointNumber": 2, "pointIndex": 2, "x": 3, "y": 20, "customdata": "c"}
    assert set(point["bbox"]) >= {"x0", "x1", "y0", "y1"}
    assert isinstance(data["timestamp"], int)


def test_hover_sets_hover_data_and_clear_on_unhover_clears_it(served: Any) -> None:
    page, _fetched, _errors = served(echo_app(dcc.Graph(id="g", figure=FIGURE, clear_on_unhover=True), "hoverData"))
    plotted(page)
    page.mouse.move(*point_at(page, 2, 30))
    assert echoed(page)["points"][0]["pointNumber"] == 1
    page.mouse.move(*point_at(page, 0.2, 49))  # empty corner of the plot: plotly unhovers
    expect(page.locator("#echo")).to_have_text("null")


def test_a_box_select_sets_selected_data(served: Any) -> None:
    figure = {**FIGURE, "layout": {**FIGURE["layout"], "dragmode": "select"}}
    page, _fetched, _errors = served(echo_app(dcc.Graph(id="g", figure=figure), "selectedData"))
    plotted(page)
    page.mouse.move(*point_at(page, 1.5, 5))
    page.mouse.down()
    page.mouse.move(*point_at(page, 3.5, 45), steps=8)
    page.mouse.up()
    data = echoed(page)
    assert sorted(p["pointNumber"] for p in data["points"]) == [1, 2]
    assert sorted(p["customdata"] for p in data["points"]) == ["b", "c"]
    assert data["range"]["x"][0] == pytest.approx(1.5, abs=0.05)


def test_a_zoom_drag_sets_relayout_data(served: Any) -> None:
    page, _fetched, _errors = served(echo_app(dcc.Graph(id="g", figure=FIGURE), "relayoutData"))
    plotted(page)
    page.mouse.move(*point_at(page, 1, 10))
    page.mouse.down()
    page.mouse.move(*point_at(page, 3, 40), steps=8)
    page.mouse.up()
    data = echoed(page)
    assert data["xaxis.range[0]"] == pytest.approx(1, abs=0.05)
    assert data["xaxis.range[1]"] == pytest.approx(3, abs=0.05)
    assert data["yaxis.range[0]"] == pytest.approx(10, abs=0.5)


def test_a_plot_of_free_size_reports_autosize_at_load_as_in_dash(served: Any) -> None:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Graph(id="free", figure={"data": FIGURE["data"]}),
                           dcc.Graph(id="fixed", figure=FIGURE), html.Pre(id="echo")])

    @app.callback(Output("echo", "children"), Input("free", "relayoutData"), Input("fixed", "relayoutData"))
    def echo(free: Any, fixed: Any) -> str:
        return json.dumps([free, fixed])

    page, _fetched, _errors = served(app)
    plotted(page, "free")
    expect(page.locator("#echo")).to_have_text('[{"autosize": true}, null]')


def test_a_new_figure_updates_the_same_plot(served: Any) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("more", id="b"), dcc.Graph(id="g", figure=FIGURE)])

    @app.callback(Output("g", "figure"), Input("b", "n_clicks"), prevent_initial_call=True)
    def more(n: int) -> dict:
        return {**FIGURE, "data": [{**FIGURE["data"][0], "y": [1, 2, 3, 4]}, {"type": "bar", "y": [4, 3]}]}

    page, _fetched, _errors = served(app)
    plotted(page)
    page.evaluate("""() => { const gd = document.querySelector('#g .js-plotly-plot'); gd.__mark = 1;
                       window.__redraws = 0; gd.on('plotly_afterplot', () => { window.__redraws += 1; }); }""")
    page.click("#b")
    expect(page.locator("#g .barlayer .point")).to_have_count(2)
    assert page.evaluate("document.querySelector('#g .js-plotly-plot').__mark") == 1
    assert page.evaluate("window.__redraws") >= 1  # Plotly.react drew it (the counter sees redraws)


def _graph_page(trace_type: str | None) -> Dash:
    app = Dash(__name__)
    graph = [dcc.Graph(id="g", figure={"data": [{"type": trace_type, "r": [1, 2], "theta": [0, 90],
                                                 "y": [1, 2]}]})] if trace_type else []
    app.layout = html.Div([html.P("text", id="t"), *graph])
    return app


@pytest.mark.parametrize("trace_type", [None, "bar", "scattergl", "scatterpolar"])
def test_plotly_is_fetched_only_for_a_graph_and_the_full_bundle_only_when_needed(served: Any, trace_type: Any) -> None:
    page, fetched, errors = served(_graph_page(trace_type))
    if trace_type:
        plotted(page)
    static = [name for name in fetched if name.startswith("pw-")]
    graph = any(n.startswith("pw-graph-") for n in static)
    cartesian = any(n.startswith("pw-plotly-cartesian.min-") for n in static)
    full = any(n.startswith("pw-plotly-strict.min-") for n in static)
    assert (graph, cartesian, full) == {None: (False, False, False), "bar": (True, True, False),
                                        "scattergl": (True, True, False),
                                        "scatterpolar": (True, False, True)}[trace_type]
    assert errors == []


CARTESIAN_TABLE = Path(__file__).resolve().parents[2] / "renderer" / "src" / "components" / "plotly_cartesian.json"
# Enough data for any trace type of the table (each type reads the attributes it has, and ignores the rest).
SAMPLE = {"x": [1, 2, 3], "y": [2, 1, 3], "z": [[1, 2], [3, 4]], "values": [2, 3], "labels": ["a", "b"],
          "a": [0.2, 0.5], "b": [0.3, 0.2], "c": [0.5, 0.3]}
SAMPLE_FOR = {"image": {"z": [[[255, 0, 0], [0, 255, 0]], [[0, 0, 255], [9, 9, 9]]]}}


def test_every_trace_type_of_the_cartesian_table_draws_with_the_cartesian_bundle(served: Any) -> None:
    """The table that picks the bundle (plotly_cartesian.json) is also what build.mjs registers in it: a figure of
    each of its types is drawn by the cartesian bundle as that type, the full bundle never fetched."""
    types = json.loads(CARTESIAN_TABLE.read_text())["traces"]
    app = Dash(__name__)
    app.layout = html.Div([dcc.Graph(id=f"g-{t}", figure={"data": [{"type": t, **SAMPLE, **SAMPLE_FOR.get(t, {})}]})
                           for t in types])
    page, fetched, errors = served(app)
    for t in types:
        plotted(page, f"g-{t}")
    drawn = page.evaluate("""(types) => types.map((t) => {
        const full = document.querySelector('#g-' + t + ' .js-plotly-plot')._fullData[0];
        return [full.type, full.visible];
    })""", types)
    assert drawn == [[t, True] for t in types]
    static = [name for name in fetched if name.startswith("pw-plotly-")]
    assert [n.split("-")[2] for n in static] == ["cartesian.min"]
    assert errors == []


def test_a_lasso_select_sets_selected_data_with_its_points(served: Any) -> None:
    figure = {**FIGURE, "layout": {**FIGURE["layout"], "dragmode": "lasso"}}
    page, _fetched, _errors = served(echo_app(dcc.Graph(id="g", figure=figure), "selectedData"))
    plotted(page)
    path = [(2.5, 5), (4.5, 5), (4.5, 45), (3.7, 45), (3.7, 25), (2.5, 25)]  # an L around two points
    page.mouse.move(*point_at(page, *path[0]))
    page.mouse.down()
    for x, y in path[1:] + path[:1]:
        page.mouse.move(*point_at(page, x, y), steps=4)
    page.mouse.up()
    data = echoed(page)
    assert sorted(p["pointNumber"] for p in data["points"]) == [2, 3]  # (3, 20) and (4, 40); not (2, 30)
    assert len(data["lassoPoints"]["x"]) >= 4 and "range" not in data


def test_a_legend_click_sets_restyle_data(served: Any) -> None:
    figure = {"data": [{"type": "bar", "y": [1, 2], "name": "one"}, {"type": "bar", "y": [2, 1], "name": "two"}],
              "layout": {"width": 500, "height": 300, "showlegend": True}}
    page, _fetched, _errors = served(echo_app(dcc.Graph(id="g", figure=figure), "restyleData"))
    plotted(page)
    page.locator("#g .legend .traces").nth(1).locator(".legendtoggle").click()
    assert echoed(page) == [{"visible": ["legendonly"]}, [1]]


def test_an_annotation_click_sets_click_annotation_data(served: Any) -> None:
    figure = {**FIGURE, "layout": {**FIGURE["layout"], "annotations": [
        {"x": 2, "y": 30, "text": "peak", "captureevents": True, "showarrow": False}]}}
    page, _fetched, _errors = served(echo_app(dcc.Graph(id="g", figure=figure), "clickAnnotationData"))
    plotted(page)
    page.locator("#g .annotation-text-g").click()
    data = echoed(page)
    assert data["index"] == 0 and data["annotation"]["text"] == "peak"
    assert isinstance(data["timestamp"], int) and "event" not in data and "fullAnnotation" not in data


def test_extend_data_appends_to_the_trace_and_keeps_max_points(served: Any) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("tick", id="b"), dcc.Graph(id="g", figure=FIGURE)])

    @app.callback(Output("g", "extendData"), Input("b", "n_clicks"), prevent_initial_call=True)
    def tick(n: int) -> list:
        return [{"x": [[4 + n, 4.5 + n]], "y": [[n, n + 1]]}, [0], 5]

    page, _fetched, _errors = served(app)
    plotted(page)
    ys = "document.querySelector('#g .js-plotly-plot').data[0].y"
    page.click("#b")
    page.wait_for_function(f"() => {ys}.length === 5")
    assert page.evaluate(ys) == [30, 20, 40, 1, 2]
    page.click("#b")
    page.wait_for_function(f"() => {ys}[4] === 3")
    assert page.evaluate(ys) == [40, 1, 2, 2, 3]
    assert page.locator("#g .scatterlayer .point").count() == 5


def test_config_style_class_name_and_a_plotly_figure_object(served: Any) -> None:
    import plotly.graph_objects as go

    fig = go.Figure(go.Bar(x=["a", "b"], y=[2, 3]), layout={"height": 250})
    graph = dcc.Graph(id="g", figure=fig, config={"displayModeBar": False}, className="wide",
                      style={"width": "420px"})
    page, _fetched, errors = served(echo_app(graph, "clickData"))
    plotted(page)
    assert page.locator("#g").get_attribute("class") == "dash-graph wide"
    assert page.locator("#g .modebar").count() == 0
    assert page.locator("#g .barlayer .point").count() == 2
    assert page.evaluate("document.querySelector('#g .main-svg').getAttribute('width')") == "420"
    assert errors == []


@pytest.mark.parametrize("responsive", [True, False])
def test_a_responsive_graph_follows_its_containers_width(served: Any, responsive: bool) -> None:
    figure = {"data": [{"type": "bar", "y": [1, 2]}], "layout": {"width": 400, "height": 300}}
    app = Dash(__name__)
    app.layout = html.Div(dcc.Graph(id="g", figure=figure, responsive=responsive, style={"height": "300px"}),
                          id="box", style={"width": "600px"})
    page, _fetched, _errors = served(app)
    plotted(page)
    width = "() => document.querySelector('#g .main-svg').getAttribute('width')"
    assert page.evaluate(width) == ("600" if responsive else "400")
    page.evaluate("document.querySelector('#box').style.width = '500px'")
    if responsive:
        page.wait_for_function(f"() => ({width})() === '500'")
    else:
        page.wait_for_timeout(300)  # a resize would have been seen by now; the plot keeps its layout width
        assert page.evaluate(width) == "400"


def test_a_graph_per_item_in_a_match_layout(served: Any) -> None:
    from propwire import MATCH

    app = Dash(__name__)
    app.layout = html.Div([
        html.Div([dcc.Graph(id={"type": "g", "i": i}, figure={**FIGURE, "data": [{**FIGURE["data"][0], "y": [i] * 4}]}),
                  html.Div(id={"type": "out", "i": i})])
        for i in (10, 30)
    ])

    @app.callback(Output({"type": "out", "i": MATCH}, "children"), Input({"type": "g", "i": MATCH}, "clickData"),
                  prevent_initial_call=True)
    def show(click: Any) -> str:
        point = click["points"][0]
        return f"{point['pointNumber']} at {point['y']}"

    page, _fetched, errors = served(app)
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 2")
    second = page.locator(".dash-graph").nth(1)
    graph_id = second.get_attribute("id")
    x, y = page.evaluate(
        """(id) => { const gd = document.getElementById(id).querySelector('.js-plotly-plot');
          const L = gd._fullLayout, box = gd.getBoundingClientRect();
          return [box.left + L._size.l + L.xaxis.l2p(2), box.top + L._size.t + L.yaxis.l2p(30)]; }""", graph_id)
    page.mouse.click(x, y)
    outs = page.locator("div[id*='out']")
    expect(outs.nth(1)).to_have_text("1 at 30")
    expect(outs.nth(0)).to_have_text("")
    assert errors == []


def test_a_drawn_shape_goes_into_the_figure(served: Any) -> None:
    figure = {**FIGURE, "layout": {**FIGURE["layout"], "dragmode": "drawrect"}}
    app = Dash(__name__)
    app.layout = html.Div([dcc.Graph(id="g", figure=figure), html.Pre(id="echo")])

    @app.callback(Output("echo", "children"), Input("g", "figure"), prevent_initial_call=True)
    def echo(fig: Any) -> str:
        return json.dumps([[round(s[k]) for k in ("x0", "y0", "x1", "y1")] for s in fig["layout"]["shapes"]])

    page, _fetched, _errors = served(app)
    plotted(page)
    page.mouse.move(*point_at(page, 1, 10))
    page.mouse.down()
    page.mouse.move(*point_at(page, 3, 40), steps=8)
    page.mouse.up()
    expect(page.locator("#echo")).to_have_text("[[1, 10, 3, 40]]")


def test_a_figure_needing_more_trace_types_switches_to_the_full_bundle(served: Any) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("polar", id="b"), dcc.Graph(id="g", figure=FIGURE), html.Pre(id="echo")])

    @app.callback(Output("g", "figure"), Input("b", "n_clicks"), prevent_initial_call=True)
    def polar(n: int) -> dict:
        return {"data": [{"type": "scatterpolar", "r": [1, 2, 3], "theta": [0, 90, 180], "mode": "markers"}],
                "layout": {"width": 400, "height": 400}}

    @app.callback(Output("echo", "children"), Input("g", "clickData"), prevent_initial_call=True)
    def echo(click: Any) -> str:
        return json.dumps({k: click["points"][0][k] for k in ("curveNumber", "pointNumber", "r", "theta")})

    page, fetched, errors = served(app)
    plotted(page)
    assert not any(n.startswith("pw-plotly-strict.min-") for n in fetched)
    assert page.locator("#g .cartesianlayer .subplot.xy").count() == 1
    page.click("#b")
    page.wait_for_selector("#g .polarlayer .point")
    assert any(n.startswith("pw-plotly-strict.min-") for n in fetched)
    assert page.locator("#g .cartesianlayer .subplot.xy").count() == 0  # the cartesian plot is gone
    point = page.locator("#g .polarlayer .point").nth(1).bounding_box()
    page.mouse.click(point["x"] + point["width"] / 2, point["y"] + point["height"] / 2)
    expect(page.locator("#echo")).to_have_text('{"curveNumber": 0, "pointNumber": 1, "r": 2, "theta": 90}')
    assert errors == []


def test_animate_moves_to_the_new_figure(served: Any) -> None:
    app = Dash(__name__)
    app.layout = html.Div([html.Button("move", id="b"), dcc.Graph(id="g", figure=FIGURE, animate=True,
                                                                  animation_options={"transition": {"duration": 50}})])

    @app.callback(Output("g", "figure"), Input("b", "n_clicks"), prevent_initial_call=True)
    def move(n: int) -> dict:
        return {**FIGURE, "data": [{**FIGURE["data"][0], "y": [5, 5, 5, 5]}]}

    page, _fetched, errors = served(app)
    plotted(page)
    page.evaluate("document.querySelector('#g .js-plotly-plot').__mark = 1")
    page.click("#b")
    page.wait_for_function("() => document.querySelector('#g .js-plotly-plot').data[0].y.join() === '5,5,5,5'")
    assert page.evaluate("document.querySelector('#g .js-plotly-plot').__mark") == 1
    assert errors == []


@pytest.mark.parametrize("mathjax", [False, True])
def test_mathjax_typesets_latex_in_the_figure(served: Any, mathjax: bool) -> None:
    figure = {**FIGURE, "layout": {**FIGURE["layout"], "title": {"text": "$x^2 + y$"}}}
    page, fetched, errors = served(echo_app(dcc.Graph(id="g", figure=figure, mathjax=mathjax), "clickData"))
    plotted(page)
    if mathjax:
        page.wait_for_selector("#g .gtitle-math-group svg")  # MathJax's SVG, the raw text hidden
        assert page.locator("#g text.gtitle").is_hidden()
    else:
        assert page.locator("#g text.gtitle").text_content() == "$x^2 + y$"
        assert page.locator("#g .gtitle-math-group").count() == 0
    assert any(n.startswith("pw-tex-svg-") for n in fetched) is mathjax
    assert errors == []
