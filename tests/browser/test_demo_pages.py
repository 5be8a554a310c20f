"""The demo as a showcase, in Chromium (examples/demo.py): every page the index links loads with no page or
console error and no request leaving 127.0.0.1, shows its title in the tab and as its heading, and its back
link leads to the index; the index shows why propwire, styled by the default stylesheet and the demo's own.
tests/testing/test_demo_pages_headless.py checks the same pages' HTML."""

from __future__ import annotations

import re
import runpy
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

import propwire.app
from propwire.testing.live import LiveServer

from .conftest import local_page, wait_idle

pytestmark = pytest.mark.browser

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TIMEOUT = 15_000


@pytest.fixture(scope="module")
def demo(browser: Browser) -> Iterator[tuple[Page, str, dict]]:
    """A page, the demo's URL and its module; at teardown no page or console error, no request off 127.0.0.1."""
    propwire.app.GLOBAL_CALLBACKS.clear()
    module = runpy.run_path(str(EXAMPLES / "demo.py"))
    contexts: list = []
    with LiveServer(module["build"]()) as server:
        page = local_page(browser, contexts)
        yield page, server.url, module
        # The seed examples link Dash's old codepen stylesheet, as Dash's page does; the demo leaves it out (it
        # runs offline), so no page asks for anything off 127.0.0.1 and none logs an error.
        off_host = {u for u in page.requested if not u.startswith(server.url)}  # type: ignore[attr-defined]
        assert off_host == set()
        assert page.errors == []  # type: ignore[attr-defined]
        assert page.console_errors == []  # type: ignore[attr-defined]
    for context in contexts:
        context.close()


def example_links(page: Page) -> list[str]:
    return sorted(set(page.locator("main a.demo-card").evaluate_all("els => els.map(e => e.getAttribute('href'))")))


def test_the_index_shows_why_propwire(demo):
    page, url, _ = demo
    page.goto(url + "/")
    wait_idle(page)
    expect(page).to_have_title("propwire demo")
    expect(page.locator(".demo-feature h3")).to_have_text(
        ["One round trip per action", "Headless testing", "Stateless workers"])
    # the default stylesheet is on: the content column is centred and narrower than the window
    root = page.locator("#_pw-root").bounding_box()
    assert root and root["x"] > 0 and root["width"] < page.viewport_size["width"]


def test_every_page_has_its_title_and_a_way_back(demo):
    page, url, module = demo
    page.goto(url + "/")
    wait_idle(page)
    paths = example_links(page)
    assert len(paths) >= 20 and "/multipage/" in paths and "/background/progress/" in paths
    for path in paths:
        page.goto(url + path)
        wait_idle(page)
        back = page.locator("a.demo-back")
        expect(back).to_be_visible(timeout=TIMEOUT)
        if path != "/multipage/":
            title = module["title_of"](path.strip("/"))
            expect(page).to_have_title(f"{title} · propwire demo")
            expect(page.locator("h1.demo-title")).to_have_text(title)
    back.click()
    expect(page).to_have_url(url + "/")
    expect(page).to_have_title("propwire demo")


def test_the_background_page_moves_its_bar_and_the_docs_pages_render(demo):
    page, url, _ = demo
    page.goto(url + "/background/progress/")
    wait_idle(page)
    page.click("#run")
    expect(page.locator("#step")).to_have_text(re.compile(r"step \d+ of 20"), timeout=TIMEOUT)
    expect(page.locator("#result")).to_have_text("report 1 ready", timeout=TIMEOUT)
    expect(page.locator("#bar")).to_have_attribute("value", "20")
    page.goto(url + "/docs/testing.md")
    wait_idle(page)
    expect(page.locator("#doc-text h1")).to_have_text(re.compile("[Tt]est"), timeout=TIMEOUT)
