"""The demo as a showcase (examples/demo.py, examples/demo_site.py): every page the index links loads with its own
title, its heading and a way back to the index; the docs pages show docs/*.md and nothing outside it; the
background page's job reports its progress; the speed page shows the bench's figures with their date, read from
bench/results. tests/browser/test_demo_pages.py loads the same pages in Chromium."""

from __future__ import annotations

import json
import re
import runpy
from pathlib import Path

import httpx
import pytest

import propwire.app
from propwire.testing.live import LiveServer

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def demo():
    """The whole demo on a free port of 127.0.0.1, and its module namespace."""
    propwire.app.GLOBAL_CALLBACKS.clear()
    module = runpy.run_path(str(EXAMPLES / "demo.py"))
    with LiveServer(module["build"]()) as server:
        yield server.url, module


def links_of(page: str) -> list[str]:
    """The hrefs of the page's inline layout (the layout is JSON in the page)."""
    return re.findall(r'"href":"([^"]*)"', page)


def title_of(page: str) -> str:
    return re.search(r"<title>(.*?)</title>", page).group(1)


def example_paths(url: str) -> list[str]:
    index = httpx.get(url + "/").text
    return sorted({h for h in links_of(index) if h.startswith("/") and h.endswith("/") and h != "/"})


def test_the_index_says_why_propwire_and_links_every_example(demo):
    url, module = demo
    index = httpx.get(url + "/")
    assert index.status_code == 200 and title_of(index.text) == "propwire demo"
    for name in ("One round trip per action", "Headless testing", "Stateless workers"):
        assert name in index.text
    assert {"/docs/protocol.md", "/docs/testing.md", "/docs/deploy.md"} <= set(links_of(index.text))
    on_disk = {f"/{p.parent.name}/{p.stem}/" for folder in module["FOLDERS"] for p in (EXAMPLES / folder).glob("*.py")}
    assert set(example_paths(url)) == on_disk | {"/multipage/"}


def test_every_example_page_has_its_title_heading_and_way_back(demo):
    url, module = demo
    paths = example_paths(url)
    assert len(paths) >= 20
    for path in paths:
        page = httpx.get(url + path, timeout=30)  # indirect_fast_slow's page streams a 5 s initial call
        assert page.status_code == 200, path
        layout = page.text
        assert "← All examples" in layout and '"href":"/"' in layout, path
        if path == "/multipage/":  # Dash Pages: each page's title is its own (the app's title= here)
            assert title_of(layout) == "Multi-page demo"
            continue
        key = path.strip("/")
        title = module["title_of"](key)
        assert title_of(layout) == f"{title} · propwire demo".replace("&", "&amp;"), path
        assert json.dumps(title, ensure_ascii=False) in layout and json.dumps(module["blurb_of"](key), ensure_ascii=False) in layout, path


def test_each_example_links_the_previous_and_the_next(demo):
    url, _ = demo
    first, second = [p for p in example_paths(url) if p.startswith("/seed/")][:2]
    assert second in links_of(httpx.get(url + first).text)
    assert first in links_of(httpx.get(url + second).text)


def test_the_docs_pages_show_docs_and_nothing_outside(demo, propwire_client):
    url, _ = demo
    assert httpx.get(url + "/_demo/demo.css").headers["content-type"].startswith("text/css")
    propwire.app.GLOBAL_CALLBACKS.clear()
    site = runpy.run_path(str(EXAMPLES / "demo_site.py"))
    client = propwire_client(site["docs_app"](), "/docs/background.md")
    assert client.text("doc-text").startswith("# Background callbacks")
    for outside in ("/docs/..%2Fpyproject.toml", "/docs/nope.md"):
        client.navigate(outside)
        assert "There is no page" in client.text("doc-text")
    assert client.errors() == []


def test_the_background_page_reports_progress_and_its_result(propwire_client):
    propwire.app.GLOBAL_CALLBACKS.clear()
    app = runpy.run_path(str(EXAMPLES / "background" / "progress.py"))["app"]
    client = propwire_client(app)
    assert client.text("step") == "not started"
    client.click("run")
    assert client.text("result") == "report 1 ready"
    assert client.prop("bar", "value") == "20" and client.text("step") == "step 20 of 20"
    assert client.prop("run", "disabled") is False and client.prop("cancel", "disabled") is True
    assert client.errors() == []


def test_the_speed_page_shows_the_bench_figures_with_their_date(propwire_client):
    propwire.app.GLOBAL_CALLBACKS.clear()
    app = runpy.run_path(str(EXAMPLES / "showcase" / "speed.py"))["app"]
    text = propwire_client(app).text("speed")
    latest = json.loads((ROOT / "bench" / "results" / "latest.json").read_text())
    assert "Measured on the bench machine" in text and latest["when"][:16].replace("T", " ") in text
    click_row = next(line for line in latest["table"].splitlines() if line.startswith("| click → DOM"))
    dash_cell, propwire_cell = (cell.strip() for cell in click_row.split("|")[2:4])
    assert dash_cell in text and propwire_cell in text  # the figures as the file has them, none typed in
