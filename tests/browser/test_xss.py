"""XSS in Chromium: payloads through every URL-valued prop, component JSON from data, Markdown with and without
raw HTML, iframe srcDoc, plain strings as children and dcc.Location; none may run.

A payload runs if its code reaches the app's own window (`top.__pwxHit`, defined by an init script) or opens a
dialog. Links, forms and buttons run their URL only when used, so the DOM is also searched, with the browser's own
URL parser, for any element left holding a `javascript:`/`vbscript:` URL, an `on*` attribute or a srcdoc frame
that shares the app's origin ("armed": what a click or a hover would run). The tried and run counts are printed."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from propwire import MATCH, Dash, Input, Output, dcc, html
from propwire.testing.live import LiveServer

from . import xss_payloads as P
from .conftest import local_page, wait_idle

HOOK = "window.__pwxHits = []; window.__pwxHit = (n) => { window.__pwxHits.push(String(n)); };"

# What a click, hover or focus would run: found with the browser's URL parser, not by matching text.
ARMED = """() => {
  const bad = (u) => { try { const p = new URL(u, location.href).protocol; return p === 'javascript:' || p === 'vbscript:'; }
                       catch { return false; } };
  const out = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) out.push(el.localName + ' ' + a.name);
      if (/^(href|xlink:href|action|formaction|src|data|poster|background)$/i.test(a.name) && bad(a.value))
        out.push(el.localName + ' ' + a.name + '=' + a.value.slice(0, 40));
    }
    if (el.localName === 'iframe' && el.hasAttribute('srcdoc')) {
      const sb = el.getAttribute('sandbox');
      if (sb === null || /allow-same-origin/i.test(sb)) out.push('iframe srcdoc without an opaque origin');
    }
  }
  return out;
}"""


class Counter:
    """Hands out hit numbers and counts the payloads tried, per route."""

    def __init__(self) -> None:
        self.n = 0
        self.tried: dict[str, int] = {}

    def take(self, route: str) -> int:
        self.n += 1
        self.tried[route] = self.tried.get(route, 0) + 1
        return self.n


def _url_sinks(c: Counter) -> list[Any]:
    """Every URL-valued prop of html and dcc, each given every URL payload (from Python, the trusted path)."""
    out: list[Any] = []
    for template in P.URLS:
        u = lambda route: P.fill(template, c.take(route))  # noqa: E731, B023 (called within this iteration)
        out += [
            html.A("a", href=u("A.href")), html.Map(html.Area(href=u("Area.href"), shape="default")),
            html.Form([html.Button("f")], action=u("Form.action")),
            html.Form([html.Button("b", formAction=u("Button.formAction"))]),
            html.Form([html.Input(type="submit", formAction=u("Input.formAction"))]),
            html.Iframe(src=u("Iframe.src")), html.Embed(src=u("Embed.src")), html.Object(data=u("Object.data")),
            html.Img(src=u("Img.src")), html.Img(srcSet=u("Img.srcSet")),
            html.Video([html.Source(src=u("Source.src")), html.Track(src=u("Track.src"))], src=u("Video.src"),
                       poster=u("Video.poster")),
            html.Picture([html.Source(srcSet=u("Source.srcSet")), html.Img(src="/none.png")]),
            html.Audio(src=u("Audio.src")), html.Link(href=u("Link.href"), rel="stylesheet"),
            html.Script(src=u("Script.src")), html.Meta(httpEquiv="refresh", content="0;url=" + u("Meta.refresh")),
            html.Blockquote("q", cite=u("Blockquote.cite")), dcc.Link("l", href=u("dcc.Link.href")),
            dcc.Markdown(P.MD_LINKS[c.n % len(P.MD_LINKS)].replace("{U}", u("Markdown.link"))),
            dcc.Markdown(P.MD_LINKS[c.n % len(P.MD_LINKS)].replace("{U}", u("Markdown(html).link")),
                         dangerously_allow_html=True),
            html.Div(u("children string")),
        ]
    return out


def _html_sinks(c: Counter) -> list[Any]:
    out: list[Any] = []
    for template in P.HTML:
        h = lambda route: P.fill(template, c.take(route))  # noqa: E731, B023 (called within this iteration)
        out += [dcc.Markdown(h("Markdown")), dcc.Markdown(h("Markdown(html)"), dangerously_allow_html=True),
                html.Iframe(srcDoc=h("Iframe.srcDoc")), html.Div(h("children string")),
                html.Script(h("Script.children"))]
    return out


def xss_app(c: Counter, component_dicts: bool) -> Dash:
    # No Content-Security-Policy here: the renderer's own checks are under test, and the page's CSP (which
    # blocks inline script as a second layer, tests/browser/test_csp.py) would hide what they let through.
    app = Dash(__name__, component_dicts=component_dicts, content_security_policy=False)
    dicts = [P.fill_json(d, c.take("component JSON from data")) for d in P.component_dicts()]
    locations = [P.fill(t, c.take("dcc.Location.href")) for t in P.URLS]
    paths = [P.fill(t, c.take("dcc.Location.pathname")) for t in P.URLS]
    app.layout = html.Div([
        dcc.Location(id="loc"), dcc.Location(id="path", refresh="callback-nav"), html.Button("nav", id="nav"),
        html.Div(_url_sinks(c) + _html_sinks(c)),
        html.Div([html.Div([dcc.Store(id={"t": "s", "i": i}, data=d), html.Div(id={"t": "cj", "i": i})])
                  for i, d in enumerate(dicts)]),
    ])

    @app.callback(Output({"t": "cj", "i": MATCH}, "children"), Input({"t": "s", "i": MATCH}, "data"))
    def from_data(data):
        return [data]  # as an app showing what a Store holds

    @app.callback(Output("loc", "href"), Output("path", "pathname"), Input("nav", "n_clicks"),
                  prevent_initial_call=True)
    def go(n):
        return locations[n - 1], paths[n - 1]

    return app


def _drive(browser: Browser, app: Dash, contexts: list) -> tuple[list[str], list[str], list[str]]:
    server = LiveServer(app.server)
    try:
        page: Page = local_page(browser, contexts)
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.context.add_init_script(HOOK)
        page.goto(server.url + "/")
        wait_idle(page, 60_000)
        page.mouse.move(5, 5)
        page.mouse.move(300, 300, steps=5)  # hover payloads (one covers the page, so nav is clicked by event)
        for _ in P.URLS:
            page.locator("#nav").dispatch_event("click")
            wait_idle(page)
        page.wait_for_timeout(1500)  # images fail, frames load, autofocus fires
        assert page.evaluate("location.origin") == server.url and page.locator("#nav").count() == 1
        found = page.evaluate("window.__pwxHits"), list(dialogs), page.evaluate(ARMED)
        _controls(page)
        return found
    finally:
        server.stop()


def _controls(page: Page) -> None:
    """The detectors work: markup that does run script, put in by hand, is seen by each of them."""
    page.evaluate("""() => { const d = document.createElement('div');
        d.innerHTML = '<img src=x onerror=top.__pwxHit(0)><a href="javascript:top.__pwxHit(0)">c</a>';
        document.body.append(d); }""")
    page.wait_for_function("() => window.__pwxHits.includes('0')")
    assert any(a.startswith("a href=javascript:") for a in page.evaluate(ARMED))


@pytest.mark.parametrize("component_dicts", [False, True], ids=["default", "component_dicts"])
def test_no_payload_runs(browser: Browser, component_dicts: bool) -> None:
    c = Counter()
    app = xss_app(c, component_dicts)
    contexts: list = []
    try:
        hits, dialogs, armed = _drive(browser, app, contexts)
    finally:
        for context in contexts:
            context.close()
    ran = len(set(hits)) + len(dialogs) + len(armed)
    print(f"\nXSS ({'component_dicts=True' if component_dicts else 'default'}): {c.n} payloads tried, {ran} ran"
          f" ({len(c.tried)} routes: " + ", ".join(f"{k} {v}" for k, v in sorted(c.tried.items())) + ")")
    assert c.n >= 100
    assert (hits, dialogs, armed) == ([], [], [])
