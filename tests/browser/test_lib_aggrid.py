"""dash-ag-grid 35 (the real PyPI package) on propwire in Chromium: a 10,000-row grid from pandas sorted by a
header click, cellClicked and selectedRows (checkbox selection) as callback Inputs, rowData replaced by a
callback, a MATCH callback over two grids with pattern ids. The apps and expectations are the headless
tests' (tests/testing/aggrid_apps.py, test_aggrid_headless.py), played with real clicks on the grid's DOM."""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import wait_idle
from tests.testing.aggrid_apps import big_app, match_app, rowdata_app, select_app

pytestmark = pytest.mark.browser


def cell(page: Page, grid: str, row: int, col: str) -> Any:
    return page.locator(f"[id={json.dumps(grid)}] .ag-row[row-index='{row}'] .ag-cell[col-id='{col}']").first


def sort_by(page: Page, grid: str, col: str) -> None:
    page.locator(f"[id={json.dumps(grid)}] .ag-header-cell[col-id='{col}'] .ag-header-cell-label").first.click()
    wait_idle(page)


def test_a_10000_row_grid_from_pandas_sorts_by_a_header_click(open_app):
    page = open_app(big_app())
    expect(page.locator("#first")).to_have_text("10000: [0, 1, 2]")  # the grid's mount sent virtualRowData
    expect(cell(page, "grid", 0, "n")).to_have_text("0")
    sort_by(page, "grid", "score")
    expect(page.locator("#first")).to_have_text("10000: [0, 1000, 2000]")
    expect(page.locator("#sorts")).to_have_text("[('score', 'asc')]")
    expect(cell(page, "grid", 1, "n")).to_have_text("1000")  # the grid draws the sorted rows
    sort_by(page, "grid", "score")
    expect(page.locator("#first")).to_have_text("10000: [321, 1321, 2321]")
    sort_by(page, "grid", "score")
    expect(page.locator("#first")).to_have_text("10000: [0, 1, 2]")
    expect(page.locator("#sorts")).to_have_text("[]")
    assert page.errors == []  # type: ignore[attr-defined]


def test_cell_clicked_and_selected_rows_are_callback_inputs(open_app):
    page = open_app(select_app())
    expect(page.locator("#clicked")).to_have_text("none")
    cell(page, "grid", 1, "make").click()
    expect(page.locator("#clicked")).to_have_text("make=Ford at 1 (1)")
    for row in (2, 0):
        page.locator(f"#grid .ag-row[row-index='{row}'] .ag-selection-checkbox input").first.click()
        wait_idle(page)
    expect(page.locator("#selected")).to_have_text("Audi, Tesla")
    sort_by(page, "grid", "price")
    cell(page, "grid", 0, "make").click()
    expect(page.locator("#clicked")).to_have_text("make=Audi at 0 (2)")
    assert page.errors == []  # type: ignore[attr-defined]


def test_an_edit_sends_cell_value_changed_and_the_rows_hold_the_new_value(open_app):
    page = open_app(select_app())
    cell(page, "grid", 1, "price").dblclick()
    page.keyboard.press("Control+A")
    page.keyboard.type("30000")
    page.keyboard.press("Enter")
    expect(page.locator("#edited")).to_have_text(f"price 33850->30000 row 1; total {64950 + 30000 + 29600 + 33850}")


def test_row_data_replaced_by_a_callback_resends_the_shown_rows(open_app):
    page = open_app(rowdata_app())
    expect(page.locator("#shown")).to_have_text("Tesla Ford Audi BMW")
    sort_by(page, "grid", "price")
    sort_by(page, "grid", "price")  # desc
    page.click("#cheap")
    expect(page.locator("#shown")).to_have_text("Ford BMW Audi")
    cell(page, "grid", 2, "make").click()
    expect(page.locator("#clicked")).to_have_text("Audi 1")
    assert page.locator("#grid .ag-center-cols-container .ag-row").count() == 3


def test_a_match_callback_over_two_grids_answers_the_clicked_one(open_app):
    page = open_app(match_app())
    out = {i: page.locator(f"[id={json.dumps(json.dumps({'index': i, 'type': 'out'}, separators=(',', ':')))}]")
           for i in (0, 1)}
    expect(out[0]).to_have_text("-")
    # The second grid, found by its place in the page (its own DOM id is the library's business)
    page.locator(".ag-root-wrapper").nth(1).locator(".ag-row[row-index='2'] .ag-cell[col-id='item']").first.click()
    expect(out[1]).to_have_text("1: pear 2")
    expect(out[0]).to_have_text("-")
    assert page.errors == []  # type: ignore[attr-defined]
