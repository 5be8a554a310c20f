"""The demo's multi-page app (examples/multipage/, Dash Pages) in Chromium, served by the demo under
/multipage/: dcc.Link navigation between its pages, dcc.Tabs, a CSV through dcc.Upload, its processed copy
through dcc.Download, and a clientside callback that answers typing with no request; no console error and no
request off 127.0.0.1. `click_through` waits only with Playwright's expect (nothing propwire-specific), so the
same steps drive the app on Dash 4.4.1: test_the_same_steps_pass_on_dash runs them on a copy of the app whose
import lines say `dash` (made in a temporary folder for the test, never committed). tests/testing/test_demo_multipage_headless.py drives the server pages
headless."""

from __future__ import annotations

import re
import runpy
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

import propwire.app
from propwire.testing.live import LiveServer
from tests.parity.serve import free_port, listener_of, release_port

from .conftest import local_page, wait_idle

pytestmark = pytest.mark.browser

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CSV = b"fruit,jan,feb\napple,3,4\npear,5,1.5\n"
TOTALS = "fruit,jan,feb,total\napple,3,4,7\npear,5,1.5,6.5\n"


def click_through(page: Page, base: str, tmp: Path) -> None:
    """Every page of the app, as a user goes through it, from its home page at `base`."""
    page.goto(base)
    expect(page.locator("#home-title")).to_have_text("Home")
    expect(page).to_have_title("Multi-page demo")  # the app's title=, the page giving none
    expect(page.locator("#start-out")).to_have_text("You start on a Friday.")
    page.fill("#start-day", "2024-06-03")  # a DatePickerSingle: type the day, Enter reads it, Escape closes
    page.press("#start-day", "Enter")
    page.press("#start-day", "Escape")
    expect(page.locator("#start-out")).to_have_text("You start on a Monday.")

    page.click("#nav-files")  # a dcc.Link: the page changes without a reload
    expect(page.locator("#upload-status")).to_have_text("No file yet.")
    expect(page).to_have_url(base + "files")
    expect(page).to_have_title("Files: upload and download")
    expect(page.locator("#tab-content")).to_have_text("Upload a CSV to see it here.")
    csv = tmp / "fruit.csv"
    csv.write_bytes(CSV)
    page.locator("#upload input[type=file]").set_input_files(str(csv))
    expect(page.locator("#upload-status")).to_have_text("Read fruit.csv: 2 rows.")
    expect(page.locator("#summary-shape")).to_have_text("2 rows, columns: fruit, jan, feb")
    expect(page.locator("#summary-sums li")).to_have_text(["jan: sum 8", "feb: sum 5.5"])

    page.get_by_text("Rows", exact=True).click()  # the tab's label
    expect(page.locator("#rows-table tbody tr")).to_have_count(2)
    expect(page.locator("#rows-table tbody tr").nth(1).locator("td")).to_have_text(["pear", "5", "1.5"])
    page.get_by_text("Summary", exact=True).click()
    expect(page.locator("#summary-shape")).to_be_visible()

    with page.expect_download() as download:
        page.click("#download-btn")
    assert download.value.suggested_filename == "totals-fruit.csv"
    assert Path(download.value.path()).read_text() == TOTALS

    page.click("#nav-clientside")
    expect(page.locator("#shout-out")).to_have_text("HELLO (5 characters)")
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.fill("#shout-in", "quiet")
    expect(page.locator("#shout-out")).to_have_text("QUIET (5 characters)")
    page.fill("#shout-in", "")
    expect(page.locator("#shout-out")).to_have_text(" (0 characters)")
    assert posts == []  # the clientside callback ran in the browser

    page.click("#nav-home")
    expect(page.locator("#home-title")).to_have_text("Home")
    page.go_back()  # history: back to the clientside page
    expect(page.locator("#shout-out")).to_be_attached()


@pytest.fixture
def demo(browser: Browser) -> Iterator[tuple[Page, str]]:
    """A page and the demo's URL; at teardown no page or console error and no request off 127.0.0.1."""
    propwire.app.GLOBAL_CALLBACKS.clear()
    build = runpy.run_path(str(EXAMPLES / "demo.py"))["build"]
    contexts: list[Any] = []
    with LiveServer(build()) as server:
        page = local_page(browser, contexts)
        try:
            yield page, server.url
            off = [url for url in page.requested if not url.startswith(server.url)]  # type: ignore[attr-defined]
            assert page.console_errors == [] and off == [], (page.console_errors, off)  # type: ignore[attr-defined]
        finally:
            for context in contexts:
                context.close()


def test_the_multipage_app_navigates_uploads_downloads_switches_tabs_and_runs_clientside(demo, tmp_path):
    page, url = demo
    click_through(page, url + "/multipage/", tmp_path)


def test_the_demo_index_links_to_the_multipage_app(demo):
    page, url = demo
    page.goto(url + "/")
    page.click("a[href='/multipage/']")
    expect(page.locator("#home-title")).to_have_text("Home")
    expect(page.locator("#nav a")).to_have_text(["Home", "Files", "Clientside"])


def test_a_navigation_is_one_request(demo):
    """The router and the new page's initial callbacks answer one event (Dash sends a request for each)."""
    page, url = demo
    page.goto(url + "/multipage/")
    wait_idle(page)
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.events.clear()  # type: ignore[attr-defined]
    page.click("#nav-files")
    expect(page.locator("#tab-content")).to_have_text("Upload a CSV to see it here.")
    wait_idle(page)
    assert posts == []  # the event went over the event socket, under the app's prefix
    assert [u for u, _ in page.events] == [url.replace("http", "ws") + "/multipage/_propwire/ws"]  # type: ignore[attr-defined]


def dash_copy(folder: Path) -> Path:
    """examples/multipage/ with its import lines changed to Dash's, and nothing else."""
    copy = folder / "multipage_on_dash"
    shutil.copytree(EXAMPLES / "multipage", copy, ignore=shutil.ignore_patterns("__pycache__"))
    for path in copy.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"^from propwire(\.exceptions)? import", r"from dash\1 import", text, flags=re.M),
                        encoding="utf-8")
        assert "propwire" not in path.read_text(encoding="utf-8").replace("propwire/", "")
    return copy


@pytest.fixture
def dash_server(tmp_path: Path) -> Iterator[str]:
    """The Dash copy served by Dash's own server (Flask's) in a subprocess; its URL. Stopped by its PID."""
    port = free_port()
    code = f"import app; app.app.run(host='127.0.0.1', port={port}, debug=False)"
    log = tmp_path / "dash.log"  # a file, not a pipe: Flask logs every request, and a full pipe would block it
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-c", code], cwd=dash_copy(tmp_path), stdin=subprocess.DEVNULL,
                                stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60  # importing Dash is slow on a loaded machine
        while not listener_of(port, proc.pid):
            assert proc.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, "Dash did not listen within 60 s"
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        release_port(port)


def test_the_same_steps_pass_on_dash(browser: Browser, dash_server: str, tmp_path: Path):
    contexts: list[Any] = []
    try:
        page = local_page(browser, contexts)
        click_through(page, dash_server, tmp_path)
        off = [url for url in page.requested if not url.startswith(dash_server)]  # type: ignore[attr-defined]
        assert page.console_errors == [] and off == [], (page.console_errors, off)  # type: ignore[attr-defined]
    finally:
        for context in contexts:
            context.close()
