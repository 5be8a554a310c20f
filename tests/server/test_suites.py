"""The browser files of Dash component libraries: listed in the page config, served under
/_dash-component-suites/ (propwire/components/libraries.py, propwire/web/suites.py)."""

from __future__ import annotations

from pathlib import Path

import dash_ag_grid  # noqa: F401  (imported libraries are what the page lists)
import dash_bootstrap_components as dbc
import dash_mantine_components  # noqa: F401
from dash import dash_table

from propwire import Dash, html
from propwire.components import libraries

from .conftest import Client, page_config

DBC = Path(dbc.__file__).parent / "_components" / "dash_bootstrap_components.min.js"


def _app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([dbc.Button("Go", id="go")])
    return app


def test_the_page_lists_each_library_s_page_scripts_and_children_props():
    config = page_config(Client(_app()).get("/").text)
    bundles = config["bundles"]
    dbc_urls = bundles["dash_bootstrap_components"]
    assert len(dbc_urls) == 1 and dbc_urls[0].startswith(
        "/_dash-component-suites/dash_bootstrap_components/_components/dash_bootstrap_components.v2_0_4m")
    assert bundles["dash_table"][0].startswith("/_dash-component-suites/dash/dash_table/bundle.v")
    assert not any("async-" in url or url.endswith(".map") for urls in bundles.values() for url in urls)
    with_paths = {name for name, cls in vars(dbc).items() if isinstance(cls, type) and getattr(cls, "_children_props", None)}
    assert set(config["children_props"]["dash_bootstrap_components"]) == with_paths and with_paths
    assert config["children_props"]["dash_mantine_components"]["Button"] == [
        "leftSection", "rightSection", "loaderProps.children"]


def test_the_page_lists_the_persisted_props_of_library_components_that_persist():
    # the renderer's persistence reads them (docs/libraries.md, Persistence); the server keeps them the browser's
    persisted = page_config(Client(_app()).get("/").text)["persisted"]
    assert persisted["dash_bootstrap_components"]["Input"] == ["value"]
    assert persisted["dash_bootstrap_components"]["Tabs"] == ["active_tab"]
    assert "Button" not in persisted["dash_bootstrap_components"]  # no persistence prop
    assert persisted["dash_ag_grid"] == {"AgGrid": ["selectedRows"]}
    assert persisted["dash_mantine_components"]["Switch"] == ["checked"]
    assert persisted["dash_table"]["DataTable"][0] == "columns.name"


def test_a_fingerprinted_file_is_served_with_a_year_of_cache():
    client = Client(_app())
    url = page_config(client.get("/").text)["bundles"]["dash_bootstrap_components"][0]
    response = client.get(url)
    assert response.status_code == 200
    assert response.content == DBC.read_bytes()
    assert response.headers["content-type"].startswith("application/javascript")
    assert "max-age=31536000" in response.headers["cache-control"]


def test_an_untagged_file_and_async_chunks_are_served_but_revalidated():
    client = Client(_app())
    response = client.get("/_dash-component-suites/dash_ag_grid/async-community.js")
    assert response.status_code == 200 and response.headers["cache-control"] == "no-cache"
    table_chunk = client.get("/_dash-component-suites/dash/dash_table/async-table.js")
    assert table_chunk.status_code == 200
    assert table_chunk.content == (Path(dash_table.__file__).parent / "async-table.js").read_bytes()


def test_only_listed_files_are_served():
    client = Client(_app())
    for path in ["dash_bootstrap_components/__init__.py", "dash_bootstrap_components/_components/Button.py",
                 "dash/dash_table/../__init__.py", "dash/__init__.py", "os/path.py", "dash_ag_grid/metadata.json",
                 "dash_bootstrap_components/_components/dash_bootstrap_components.min.js%00",
                 "nope/x.js"]:
        response = client.get(f"/_dash-component-suites/{path}")
        assert response.status_code == 404, path
        assert "no component suite file" in response.json()["error"]


def test_fingerprints_round_trip():
    tagged = libraries.fingerprint("_components/dash_bootstrap_components.min.js", "2.0.4",
                                   "dash_bootstrap_components")
    assert tagged.startswith("_components/dash_bootstrap_components.v2_0_4m") and tagged.endswith(".min.js")
    assert libraries.unfingerprint(tagged) == "_components/dash_bootstrap_components.min.js"
    assert libraries.unfingerprint("a.b.c.js") == "a.b.c.js"


def test_a_library_stylesheet_is_linked_in_the_head(monkeypatch):
    css = {"relative_package_path": "_components/dash_bootstrap_components.min.js", "namespace":
           "dash_bootstrap_components"}
    monkeypatch.setattr(dbc, "_css_dist", [css], raising=False)
    libraries._libraries.cache_clear()
    try:
        page = Client(_app()).get("/").text
        head = page[:page.index("</head>")]
        assert 'rel="stylesheet" href="/_dash-component-suites/dash_bootstrap_components/_components/' \
               'dash_bootstrap_components.v2_0_4m' in head
    finally:
        libraries._libraries.cache_clear()
