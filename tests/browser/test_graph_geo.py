"""dcc.Graph's geo traces in Chromium: plotly.js fetches its map data (topojson) from propwire's static route, not
from plotly's CDN, also when the app is mounted under a path, and draws land and countries with every request
going to 127.0.0.1; an app's own config.topojsonURL is kept."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from propwire import Dash, dcc, html
from propwire.testing.live import LiveServer
from propwire.web.page import STATIC_DIR

from .conftest import local_page, wait_idle

pytestmark = pytest.mark.browser

CHOROPLETH = {"data": [{"type": "choropleth", "locations": ["FRA", "BRA", "JPN", "KEN"], "z": [1, 2, 3, 4]}],
              "layout": {"width": 600, "height": 350, "geo": {"showland": True}}}
EUROPE = {"data": [{"type": "scattergeo", "lon": [2.35, 13.4, -3.7], "lat": [48.86, 52.52, 40.42],
                    "text": ["Paris", "Berlin", "Madrid"], "mode": "markers"}],
          "layout": {"width": 600, "height": 350, "geo": {"scope": "europe", "resolution": 50, "showland": True}}}


def geo_app(config: dict | None = None) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([dcc.Graph(id="world", figure=CHOROPLETH, **({"config": config} if config else {})),
                           dcc.Graph(id="europe", figure=EUROPE)])
    return app


@pytest.fixture
def served(browser: Browser) -> Iterator[Any]:
    """served(asgi_app, path) -> (page, {url: status} of every response, requests that left 127.0.0.1)."""
    servers: list[LiveServer] = []
    contexts: list[Any] = []

    def open_(asgi: Any, path: str = "/") -> tuple[Page, dict[str, int], list[str]]:
        server = LiveServer(asgi)
        servers.append(server)
        page = local_page(browser, contexts)
        responses: dict[str, int] = {}
        outside: list[str] = []
        page.on("response", lambda r: responses.__setitem__(r.url.removeprefix(server.url), r.status))
        page.on("request", lambda r: None if r.url.startswith(server.url) else outside.append(r.url))
        page.goto(server.url + path)
        wait_idle(page)
        return page, responses, outside

    yield open_
    for context in contexts:
        context.close()
    for server in servers:
        server.stop()


# The outline plotly drew for a map's land layer: empty until its topojson has arrived.
LAND = """id => (document.querySelector('#' + id + ' .geo .layer.land path')?.getAttribute('d') ?? '').length"""


def drawn(page: Page) -> None:
    """Both maps have their land (thousands of path commands from the topojson), the choropleth its countries."""
    for graph in ("world", "europe"):
        page.wait_for_function(f"() => ({LAND})('{graph}') > 5000")
    expect(page.locator("#world .choroplethlocation")).to_have_count(4)
    expect(page.locator("#europe .scattergeo .point")).to_have_count(3)


@pytest.mark.parametrize("mount", ["", "/maps"])
def test_geo_traces_draw_with_map_data_from_propwires_static_route(served: Any, mount: str) -> None:
    app = geo_app()
    asgi = Starlette(routes=[Mount(mount, app=app.server)]) if mount else app.server
    page, responses, outside = served(asgi, mount + "/")
    drawn(page)
    static = f"{mount}/_propwire/static/topojson/"
    assert responses.get(static + "world_110m.json") == 200
    assert responses.get(static + "europe_50m.json") == 200
    assert outside == []
    assert page.errors == []


def test_an_apps_own_topojson_url_is_kept(served: Any) -> None:
    """config.topojsonURL set by the app is where plotly.js looks: here a route of the host app serving a copy."""
    app = geo_app({"topojsonURL": "/mine/"})
    asgi = Starlette(routes=[Mount("/mine", app=StaticFiles(directory=STATIC_DIR / "topojson")),
                             Mount("", app=app.server)])
    page, responses, outside = served(asgi)
    drawn(page)
    assert responses.get("/mine/world_110m.json") == 200  # the choropleth's, where the app said
    assert "/_propwire/static/topojson/world_110m.json" not in responses
    assert responses.get("/_propwire/static/topojson/europe_50m.json") == 200  # the other graph's: propwire's
    assert outside == []
