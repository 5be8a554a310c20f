"""The demo's component-library pages in Chromium, served by the demo itself (examples/demo.py, each page mounted
under /libraries/<name>/): each loads with no console error and no request leaving 127.0.0.1, looks as its
library intends (the dbc page's Bootstrap comes from an installed package, not a CDN), and its main interaction
works with real clicks and typing. tests/testing/test_demo_libraries_headless.py drives the same pages headless.
"""

from __future__ import annotations

import re
import runpy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

import propwire.app
from propwire.testing.live import LiveServer

from .conftest import local_page, wait_idle

pytestmark = pytest.mark.browser

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TIMEOUT = 15_000


def page_module(name: str) -> dict[str, Any]:
    """A library page's module namespace, for its data; its app claims the @callback's the page registered, so
    none is left over for another test's app."""
    propwire.app.GLOBAL_CALLBACKS.clear()
    namespace = runpy.run_path(str(EXAMPLES / "libraries" / f"{name}.py"))
    namespace["app"].engine
    return namespace


@pytest.fixture(scope="module")
def demo() -> Iterator[str]:
    """The whole demo on a free port: its URL."""
    propwire.app.GLOBAL_CALLBACKS.clear()  # each example claims its own callbacks: none from elsewhere
    build = runpy.run_path(str(EXAMPLES / "demo.py"))["build"]
    with LiveServer(build()) as server:
        yield server.url


@pytest.fixture
def open_page(browser: Browser, demo: str) -> Iterator[Any]:
    """open_page(path) -> a page of the demo, loaded and quiet; at teardown, no console error and no request
    for anything off 127.0.0.1 (the test context refuses those: a CDN stylesheet would show up here)."""
    contexts: list[Any] = []
    pages: list[Page] = []

    def open_(path: str) -> Page:
        page = local_page(browser, contexts)
        page.console_errors = []  # type: ignore[attr-defined]
        page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
        # Only requests off 127.0.0.1 count: Chromium reports an event fetch now and then as canceled
        # (net::ERR_ABORTED) after its whole 200 response arrived and was applied (reported to the lead).
        page.on("requestfailed", lambda r: None if r.url.startswith(demo) else  # type: ignore[attr-defined]
                page.console_errors.append(f"request off 127.0.0.1: {r.url}"))
        page.goto(demo + path)
        wait_idle(page, TIMEOUT)
        pages.append(page)
        return page

    yield open_
    try:
        for page in pages:
            assert page.errors == [], page.errors  # type: ignore[attr-defined]
            assert page.console_errors == [], page.console_errors  # type: ignore[attr-defined]
    finally:
        for context in contexts:
            context.close()


def test_the_index_links_every_library_page(open_page):
    page = open_page("/")
    links = page.locator("a[href^='/libraries/']")
    expect(links).to_have_count(4)
    assert sorted(links.evaluate_all("els => els.map(e => e.getAttribute('href'))")) == [
        "/libraries/aggrid/", "/libraries/datatable/", "/libraries/dbc_form/", "/libraries/mantine/"]
    expect(page.locator("body")).not_to_contain_text("pip install")  # every library is installed here


def test_dbc_page_is_styled_validates_opens_the_modal_and_switches_tabs(open_page):
    page = open_page("/libraries/dbc_form/")
    # Bootstrap's own CSS is applied: its primary button colour, and only the active tab's pane shown.
    expect(page.locator("#submit")).to_have_css("background-color", "rgb(13, 110, 253)")
    expect(page.locator("#modal")).to_have_count(0)
    expect(page.locator("#tab-note")).to_have_text("Active tab: signup")

    page.fill("#email", "bob@")
    expect(page.locator("#email")).to_have_class(re.compile(r"\bis-invalid\b"))
    expect(page.get_by_text("Enter an address like name@example.com.")).to_be_visible()
    expect(page.get_by_text("Looks good.")).to_be_hidden()
    page.click("#submit")
    expect(page.locator("#submit-hint")).to_have_text("Fix the email address first.")

    page.fill("#email", "bob@example.com")
    expect(page.locator("#email")).to_have_class(re.compile(r"\bis-valid\b"))
    page.select_option("#plan", "team")
    page.click("#submit")
    expect(page.locator(".modal-dialog")).to_be_visible()
    expect(page.locator("#modal-body")).to_have_text("bob@example.com signed up for the team plan, "
                                                     "without the newsletter.")
    page.click("#close")
    expect(page.locator(".modal-dialog")).to_have_count(0)

    page.get_by_role("tab", name="Plans").click()
    expect(page.locator("#tab-note")).to_have_text("Active tab: plans")
    expect(page.locator("#plans li")).to_have_text(["Free", "Team", "Enterprise"])
    expect(page.locator("#email")).to_be_hidden()


def test_mantine_select_changes_the_badge_in_the_buttons_left_section(open_page):
    page = open_page("/libraries/mantine/")
    expect(page.locator("#flag")).to_have_text("FR")
    page.locator("#city").click()
    page.get_by_role("option", name="Tokyo").click()
    expect(page.locator("#flag")).to_have_text("JP")
    # the badge is rendered inside the button, in Mantine's left section
    expect(page.locator("#show #flag")).to_have_count(1)
    page.locator("#show").click()
    expect(page.locator("#weather")).to_contain_text("Tokyo: Clear skies.")
    expect(page.locator("#clicks")).to_have_text("asked 1 time")


def _cell(page: Page, row: int, col: str) -> Any:
    return page.locator(f".ag-center-cols-container .ag-row[row-index='{row}'] [col-id='{col}']")


def test_aggrid_sorts_filters_selects_and_takes_new_rows_from_a_callback(open_page):
    module = page_module("aggrid")
    df = module["DF"]
    page = open_page("/libraries/aggrid/")
    expect(_cell(page, 0, "order")).to_have_text("1", timeout=TIMEOUT)
    expect(page.locator("#row-count")).to_have_text("10,000 rows")

    # select the first two rows with their checkboxes: the summary is computed from the rows the grid sends
    for row in (0, 1):
        page.locator(f".ag-row[row-index='{row}'] .ag-selection-checkbox input").first.check()
    rows = df.iloc[:2]
    worth = float((rows.quantity * rows.price).sum())
    expect(page.locator("#selection")).to_have_text(f"2 selected, {int(rows.quantity.sum())} items, worth {worth:,.2f}")

    _cell(page, 2, "city").click()
    expect(page.locator("#clicked")).to_have_text(f"Clicked city = {df.city[2]}")

    # a header click sorts ascending, a second descending: the top row is then the dearest
    header = page.locator(".ag-header-cell[col-id='price'] .ag-header-cell-label")
    header.click()
    header.click()
    expect(_cell(page, 0, "price")).to_have_text(f"{df.price.max():g}")

    # a floating filter under the City header: only Oslo's rows are shown, still in price order
    page.locator(".ag-floating-filter[col-id='city'] input").fill("Oslo")
    expect(_cell(page, 0, "city")).to_have_text("Oslo")
    cities = page.locator(".ag-center-cols-container [col-id='city']").all_inner_texts()
    assert cities and set(cities) == {"Oslo"}
    expect(_cell(page, 0, "price")).to_have_text(f"{df.price[df.city == 'Oslo'].max():g}")
    page.locator(".ag-floating-filter[col-id='city'] input").fill("")
    expect(_cell(page, 0, "price")).to_have_text(f"{df.price.max():g}")

    page.click("#paris-only")
    paris = int((df.city == "Paris").sum())
    expect(page.locator("#row-count")).to_have_text(f"{paris:,} rows")
    expect(page.locator(".ag-center-cols-container [col-id='city']").first).to_have_text("Paris")
    cities = page.locator(".ag-center-cols-container [col-id='city']").all_inner_texts()
    assert cities and set(cities) == {"Paris"}
    page.click("#all-cities")
    expect(page.locator("#row-count")).to_have_text("10,000 rows")


def test_datatable_pages_and_its_total_follows_an_edit(open_page):
    module = page_module("datatable")
    rows = [dict(r) for r in module["ROWS"]]

    def total(data: list[dict]) -> str:
        quantity = sum(r["quantity"] for r in data)
        return f"Total: {quantity:g} items, worth {sum(r['quantity'] * r['price'] for r in data):,.2f}"

    page = open_page("/libraries/datatable/")
    expect(page.locator("#total")).to_have_text(total(rows), timeout=TIMEOUT)
    expect(page.locator("#page")).to_have_text("Page 1 of 10")

    page.locator("button.next-page").click()
    expect(page.locator("#page")).to_have_text("Page 2 of 10")
    first = page.locator("td[data-dash-column='item']").first
    expect(first).to_have_text(rows[10]["item"])

    page.locator("td[data-dash-column='quantity']").first.click()
    page.keyboard.type("50")
    page.keyboard.press("Enter")
    rows[10]["quantity"] = 50
    expect(page.locator("#total")).to_have_text(total(rows))
    expect(page.locator("td[data-dash-column='quantity']").first).to_have_text("50")
