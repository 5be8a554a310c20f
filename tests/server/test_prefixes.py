"""url_base_pathname / routes_pathname_prefix / requests_pathname_prefix / assets_url_path: every route under
the routes prefix, every URL the page gives the browser under the requests prefix (and a host's mount)."""

from __future__ import annotations

import json

import pytest
from starlette.applications import Starlette
from starlette.routing import Mount

from propwire import Dash, Input, Output, dcc, html

from .conftest import Client, ndjson, page_config


def _app(tmp_path, **options) -> Dash:
    assets = tmp_path / "assets"
    assets.mkdir(exist_ok=True)
    (assets / "site.css").write_text("p { color: teal; }")
    (assets / "favicon.ico").write_bytes(b"\x00\x00\x01\x00")
    app = Dash(__name__, assets_folder=str(assets), **options)
    app.layout = html.Div([dcc.Input(id="name", value="Ada"), html.P(id="greeting")])

    @app.callback(Output("greeting", "children"), Input("name", "value"))
    def greet(name):
        return f"Hello {name}"

    return app


def _event(client: Client, url: str):
    body = {"seq": 1, "changed": {"name.value": "Bob"}, "values": {"name.value": "Bob"},
            "present": {"name": [], "greeting": []}}
    return client.post(url, content=json.dumps(body).encode(), headers={"content-type": "application/json"})


def test_every_route_is_under_the_base_pathname(tmp_path):
    client = Client(_app(tmp_path, url_base_pathname="/sales/"))
    page = client.get("/sales/")
    assert page.status_code == 200 and "Hello Ada" in page.text
    config = page_config(page.text)
    assert config["eventUrl"] == "/sales/_propwire/event" and config["cookiesUrl"] == "/sales/_propwire/cookies"
    assert '/sales/_propwire/static/propwire.js' in page.text and '/sales/_propwire/static/propwire.css' in page.text
    assert '<link rel="stylesheet" href="/sales/assets/site.css">' in page.text
    assert 'href="/sales/assets/favicon.ico?m=' in page.text
    assert client.get("/sales/assets/site.css").text == "p { color: teal; }"
    assert client.get("/sales/_propwire/static/propwire.js").status_code == 200
    assert client.get("/sales/_propwire/health").text == "ok"
    assert client.get("/sales/some/page").status_code == 200  # any path under the prefix is the page
    results = [line["result"] for line in ndjson(_event(client, "/sales/_propwire/event")) if "result" in line]
    assert results[0]["outputs"] == {"greeting.children": "Hello Bob"}
    assert client.get("/sales/_propwire/event").status_code == 405


@pytest.mark.parametrize("path", ["/", "/assets/site.css", "/_propwire/static/propwire.js", "/_propwire/health"])
def test_nothing_is_served_outside_the_prefix(tmp_path, path):
    assert Client(_app(tmp_path, url_base_pathname="/sales/")).get(path).status_code == 404


def test_an_event_outside_the_prefix_is_not_an_event(tmp_path):
    assert _event(Client(_app(tmp_path, url_base_pathname="/sales/")), "/_propwire/event").status_code in (404, 405)


def test_requests_prefix_differs_behind_a_proxy(tmp_path):
    """Routes at /, URLs under /proxy/app/: a proxy strips the prefix before the app sees the request."""
    client = Client(_app(tmp_path, routes_pathname_prefix="/", requests_pathname_prefix="/proxy/app/"))
    page = client.get("/").text
    config = page_config(page)
    assert config["eventUrl"] == "/proxy/app/_propwire/event"
    assert "/proxy/app/_propwire/static/propwire.js" in page and "/proxy/app/assets/site.css" in page
    assert "Hello Bob" in _event(client, "/_propwire/event").text  # the route itself is at /


def test_a_host_mount_and_the_prefix_add_up(tmp_path):
    app = _app(tmp_path, url_base_pathname="/sales/")
    host = Starlette(routes=[Mount("/portal", app=app.server)])

    class Hosted:
        server = host

    client = Client(Hosted)
    page = client.get("/portal/sales/")
    assert page.status_code == 200
    assert page_config(page.text)["eventUrl"] == "/portal/sales/_propwire/event"
    assert "Hello Bob" in _event(client, "/portal/sales/_propwire/event").text


def test_assets_url_path_moves_the_assets(tmp_path):
    app = _app(tmp_path, assets_url_path="/static/files/", url_base_pathname="/sales/")
    client = Client(app)
    page = client.get("/sales/").text
    assert '<link rel="stylesheet" href="/sales/static/files/site.css">' in page
    assert client.get("/sales/static/files/site.css").text == "p { color: teal; }"
    assert client.get("/sales/assets/site.css").status_code == 200  # an ordinary page path now: not the file
    assert "teal" not in client.get("/sales/assets/site.css").text
    assert app.get_asset_url("site.css") == "/sales/static/files/site.css"


def test_component_suites_are_under_the_prefix():
    import dash_bootstrap_components as dbc

    app = Dash(__name__, url_base_pathname="/sales/")
    app.layout = html.Div([dbc.Button("Go", id="go")])
    client = Client(app)
    urls = page_config(client.get("/sales/").text)["bundles"]["dash_bootstrap_components"]
    assert urls[0].startswith("/sales/_dash-component-suites/dash_bootstrap_components/")
    assert client.get(urls[0]).status_code == 200
    assert client.get(urls[0].removeprefix("/sales")).status_code == 404


def test_the_headless_client_opens_a_prefixed_app_at_its_prefix(tmp_path):
    from propwire.testing import Client as Headless

    with Headless(_app(tmp_path, url_base_pathname="/sales/")).open() as client:
        assert client.url.endswith("/sales/") and client.text("greeting") == "Hello Ada"
        client.type("name", "Bob")
        assert client.text("greeting") == "Hello Bob"
