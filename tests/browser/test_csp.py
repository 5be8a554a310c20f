"""The page works under its own Content-Security-Policy in Chromium, in normal and debug mode: no violation
is reported while it loads, runs callbacks, loads its lazy components and shows the dev tools; and the
policy is real: an injected inline handler is blocked (and reported)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from propwire import Dash, Input, Output, dcc, html
from propwire.testing.live import LiveServer

from .conftest import local_page, wait_idle

pytestmark = pytest.mark.browser

# Runs before the page's own scripts (through the DevTools protocol, so the CSP does not apply to it).
WATCH = """window.__csp = []; document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));"""


def csp_app(tmp_path, debug: bool) -> Dash:
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "mark.js").write_text("window.assetRan = true;")
    app = Dash(__name__, assets_folder=str(assets))
    app.layout = html.Div([
        html.Button("go", id="btn"), html.Div(id="out"), html.Button("fail", id="fail"), html.Div(id="never"),
        dcc.Dropdown(["a", "b"], "a", id="dd"), dcc.Slider(0, 10, value=3, id="sl"),
        dcc.Markdown("**bold** text", id="md"), dcc.Store(id="store", data={"x": 1}),
    ])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), Input("dd", "value"), Input("sl", "value"))
    def show(n, dd, sl):
        return f"clicked {n} {dd} {sl}"

    @app.callback(Output("never", "children"), Input("fail", "n_clicks"), prevent_initial_call=True)
    def fail(n):
        raise ValueError("expected failure")

    app.debug = debug
    app.engine
    return app


@pytest.fixture
def served(browser: Browser) -> Iterator[Any]:
    servers: list[LiveServer] = []
    contexts: list[Any] = []

    def open_(app: Dash) -> tuple[Page, list[str]]:
        server = LiveServer(app.server)
        servers.append(server)
        page = local_page(browser, contexts)
        console: list[str] = []
        page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
        page.add_init_script(WATCH)
        page.goto(server.url + "/")
        wait_idle(page)
        return page, console

    yield open_
    for context in contexts:
        context.close()
    for server in servers:
        server.stop()


def _exercise(page: Page) -> None:
    page.click("#btn")
    wait_idle(page)
    assert page.inner_text("#out") == "clicked 1 a 3"
    assert page.inner_text("#md strong") == "bold"  # the lazily imported Markdown chunk ran
    assert page.evaluate("() => window.assetRan") is True  # the app's own assets/*.js ran


@pytest.mark.parametrize("debug", [False, True], ids=["normal", "debug"])
def test_the_page_runs_under_its_own_csp_without_a_violation(served, tmp_path, debug: bool) -> None:
    page, console = served(csp_app(tmp_path, debug))
    _exercise(page)
    if debug:  # the error overlay and the dev tools panel, built by the renderer's debug chunk
        page.click("#fail")
        page.wait_for_selector(".pw-error-item")
        page.click("#_pw-devtools-toggle")
        page.click("#_pw-devtools [data-tab='graph']")
        assert "show" in page.inner_text("#_pw-devtools .pw-dt-graph")
    page.wait_for_timeout(200)  # let any late report (an event, a console line) arrive
    assert page.evaluate("() => window.__csp") == [] and console == []
    assert page.errors == []  # type: ignore[attr-defined]


def test_the_policy_blocks_an_injected_inline_handler(served, tmp_path) -> None:
    page, console = served(csp_app(tmp_path, False))
    page.evaluate("""() => { const d = document.createElement('div');
        d.innerHTML = '<img src="data:," onload="window.injected = 1" onerror="window.injected = 1">';
        document.body.append(d); }""")
    page.wait_for_function("() => window.__csp.length > 0")
    assert page.evaluate("() => window.injected") is None
    assert any("script-src" in v for v in page.evaluate("() => window.__csp"))
