"""Outside component bundles and the page's preloads in Chromium, under the page's Content-Security-Policy: a
bundle that registers through window.propwire.register runs its hooks on the page's React, bundles and lazy
chunks load only when a page renders what they hold, and the head's modulepreload links are the entry's chunks."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page

from propwire import Dash, Input, Output, dcc, html
from propwire.components import spec
from propwire.components.base import ID, STRING, Component
from propwire.components.spec import Bundle
from propwire.testing.live import LiveServer

from .conftest import local_page, wait_idle

pytestmark = pytest.mark.browser

BUNDLE = Path(__file__).resolve().parents[1] / "testing" / "toy_bundle"
STATIC = Path(__file__).resolve().parents[2] / "propwire" / "static"
WATCH = """window.__csp = []; document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"""


@pytest.fixture(scope="module")
def badge() -> Iterator[type]:
    class Badge(Component):
        _namespace, _type = "toyreg", "Badge"
        _props = {"id": ID, "text": STRING}
        _bundle = Bundle(script="/assets/badge.js")

    yield Badge
    spec.forget(Badge)


@pytest.fixture
def served(browser: Browser) -> Iterator[Any]:
    """served(app) -> (page, fetched URL paths, console errors), the page loaded and idle."""
    servers: list[LiveServer] = []
    contexts: list[Any] = []

    def open_(app: Dash) -> tuple[Page, list[str], list[str]]:
        server = LiveServer(app.server)
        servers.append(server)
        page = local_page(browser, contexts)
        fetched: list[str] = []
        errors: list[str] = []
        page.on("request", lambda r: fetched.append(r.url.removeprefix(server.url)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.add_init_script(WATCH)
        page.goto(server.url + "/")
        wait_idle(page)
        return page, fetched, errors

    yield open_
    for context in contexts:
        context.close()
    for server in servers:
        server.stop()


def badge_app(badge: type, later: bool = False) -> Dash:
    app = Dash(__name__, assets_folder=str(BUNDLE), assets_ignore=r"\.js$")
    first = html.Div(id="slot") if later else badge(id="badge", text="hello")
    app.layout = html.Div([first, html.Button("add", id="add"), html.Div(id="added")])

    @app.callback(Output("added", "children"), Input("add", "n_clicks"), prevent_initial_call=True)
    def add(n: int) -> Any:
        return badge(id="late", text=f"late {n}")

    return app


def test_a_registered_bundle_runs_on_the_pages_react(served: Any, badge: type) -> None:
    page, fetched, errors = served(badge_app(badge))
    el = page.locator("#badge")
    assert el.text_content() == "hello 0"
    el.click()  # the component's own hook state: a second React would have thrown "Invalid hook call"
    assert el.text_content() == "hello 1"
    assert el.get_attribute("data-shared") == "true"  # ReactDOM and PropTypes were on window as it ran
    assert page.evaluate("() => window.propwire.register.length") == 3
    assert fetched.count("/assets/badge.js") == 1
    assert page.evaluate("window.__csp") == [] and errors == [] and page.errors == []


def test_a_bundle_loads_only_when_a_component_of_its_namespace_renders(served: Any, badge: type) -> None:
    page, fetched, errors = served(badge_app(badge, later=True))
    assert "/assets/badge.js" not in fetched
    page.click("#add")
    page.locator("#late").wait_for()
    assert page.locator("#late").text_content() == "late 1 0"
    assert fetched.count("/assets/badge.js") == 1
    assert errors == [] and page.errors == []


def _markdown_app(with_markdown: bool) -> Dash:
    app = Dash(__name__)
    body = dcc.Markdown("**bold**", id="md") if with_markdown else html.P("plain", id="md")
    app.layout = html.Div([body, dcc.Input(id="in")])
    return app


def test_the_head_preloads_exactly_the_entrys_chunks() -> None:
    chunks = json.loads((STATIC / "manifest.json").read_text())["modulepreload"]
    assert chunks, "the build splits React into a chunk the entry imports"
    server = LiveServer(_markdown_app(False).server)
    try:
        page = httpx.get(server.url + "/", headers={"sec-fetch-dest": "document", "sec-fetch-mode": "navigate"}).text
    finally:
        server.stop()
    head = page[: page.index("</head>")]
    links = re.findall(r'<link rel="modulepreload" href="/_propwire/static/([^"]+)" nonce="([^"]+)">', head)
    assert sorted(name for name, _ in links) == sorted(chunks)
    nonce = re.search(r'src="/_propwire/static/propwire.js" nonce="([^"]+)"', page).group(1)
    assert {n for _, n in links} == {nonce}


@pytest.mark.parametrize("with_markdown", [False, True])
def test_the_markdown_chunk_loads_only_for_a_page_with_markdown(served: Any, with_markdown: bool) -> None:
    page, fetched, errors = served(_markdown_app(with_markdown))
    static = [p.removeprefix("/_propwire/static/") for p in fetched if p.startswith("/_propwire/static/")]
    chunks = json.loads((STATIC / "manifest.json").read_text())["modulepreload"]
    assert set(chunks) <= set(static)  # preloaded under the CSP (a blocked preload is a violation below)
    assert any(p.startswith("pw-markdown-") for p in static) is with_markdown
    assert not any(p.startswith(("pw-dropdown-", "pw-slider-")) for p in static)
    assert page.evaluate("window.__csp") == [] and errors == []
    if with_markdown:
        assert page.locator("#md strong").text_content() == "bold"
