"""Dash's own DataTable on propwire in Chromium (its bundle served from /_dash-component-suites/dash/dash_table/):
native paging, editing, active_cell / selected_rows as Inputs, native sort by the header arrow, native filter
from the filter row. The same app runs headless in tests/testing/test_datatable_headless.py; the last test
checks the headless client's mirror of the table's filter and sort against the table itself."""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from propwire import Dash, Input, Output, dash_table, dcc, html
from propwire.testing import table_model
from tests.testing.datatable_app import ROWS, make_app, rows

pytestmark = pytest.mark.browser


@pytest.fixture
def served(open_app: Any) -> Any:
    """served(app) -> (page, its console errors, a live list), the page loaded, the table drawn, the page idle."""

    def open_(app: Dash) -> tuple[Page, list[str]]:
        page = open_app(app, ready="td.dash-cell")
        return page, page.console_errors

    return open_


def _cell(page: Page, row: int, column: str) -> Any:
    return page.locator(f'td.dash-cell[data-dash-row="{row}"][data-dash-column="{column}"]')


def test_paging_and_editing(served):
    page, errors = served(make_app())
    expect(page.locator("#page")).to_have_text("page 0")
    expect(page.locator("#shown")).to_have_text(" ".join(map(str, range(10))))
    page.locator("button.next-page").click()
    expect(page.locator("#page")).to_have_text("page 1")
    expect(page.locator("#shown")).to_have_text(" ".join(map(str, range(10, 20))))
    expect(_cell(page, 0, "name")).to_have_text("item 10")
    before = sum(r["qty"] for r in rows())
    _cell(page, 2, "qty").click()
    page.keyboard.type("9")
    page.keyboard.press("Enter")
    expect(page.locator("#sum")).to_have_text(f"sum {before - 4 + 9} edited True")
    expect(page.locator("#active")).to_have_text(
        json.dumps({"column": 1, "column_id": "qty", "row": 3, "row_id": 13}, sort_keys=True))
    expect(_cell(page, 2, "qty")).to_have_text("9")
    assert errors == []


def test_cells_and_rows_as_inputs(served):
    page, errors = served(make_app())
    _cell(page, 4, "price").click()
    expect(page.locator("#active")).to_have_text(
        json.dumps({"column": 2, "column_id": "price", "row": 4, "row_id": 4}, sort_keys=True))
    boxes = page.locator("td.dash-select-cell input")
    boxes.nth(0).click()
    expect(page.locator("#selected")).to_have_text("rows [0] ids [0]")
    boxes.nth(2).click()
    expect(page.locator("#selected")).to_have_text("rows [0, 2] ids [0, 2]")
    boxes.nth(0).click()
    expect(page.locator("#selected")).to_have_text("rows [2] ids [2]")
    page.locator("button.next-page").click()  # paging clears the cell selection
    expect(page.locator("#active")).to_have_text("null")
    assert errors == []


def test_native_sort_and_filter(served):
    page, errors = served(make_app())
    qty = {r["id"]: r["qty"] for r in rows()}
    sort = page.locator('th[data-dash-column="qty"] .column-header--sort')
    sort.click()
    expect(page.locator("#shown")).to_have_text(" ".join(str(i) for i in range(ROWS) if qty[i] == 0))
    sort.click()
    expect(page.locator("#shown")).to_have_text(
        " ".join(map(str, sorted(range(ROWS), key=lambda i: -qty[i])[:10])))
    sort.click()
    expect(page.locator("#shown")).to_have_text(" ".join(map(str, range(10))))
    page.locator("button.last-page").click()
    expect(page.locator("#page")).to_have_text("page 9")
    field = page.locator('th.dash-filter[data-dash-column="qty"] input[type=text]')
    field.fill("> 7")
    field.press("Enter")
    keep = [i for i in range(ROWS) if qty[i] > 7]
    expect(page.locator("#page")).to_have_text("page 0")  # page 9 is past the filtered rows' pages
    expect(page.locator("#shown")).to_have_text(" ".join(map(str, keep[:10])))
    assert errors == []


QUERIES = ["{qty} > 5", "{qty} s= 3", "{name} contains 1", "{name} icontains ITEM 2", "{price} <= 20 || {qty} = 0",
           "{qty} >= 2 && {qty} lt 4 and {price} > 50", "{name} = 'item 07'", "{qty} != 3", "{price} ge 95",
           "{qty} eq 9 or {name} contains 5", "{qty} >", "{name} > item 5", "{price} < 1e2 && {qty} ne 0"]
SORTS = [[{"column_id": "qty", "direction": "desc"}],
         [{"column_id": "qty", "direction": "asc"}, {"column_id": "price", "direction": "asc"}]]


def _mirror_app() -> tuple[Dash, list[dict[str, Any]]]:
    data = rows()
    for row in data[::9]:
        row["qty"] = None  # nully cells: last in either direction
    app = Dash(__name__)
    app.layout = html.Div([
        dcc.Input(id="q", debounce=True), dcc.Input(id="s", debounce=True),
        # columns given: DataTable 7.4.1 draws no filter row for columns it takes from the data (it throws)
        dash_table.DataTable(id="t", data=data, page_size=7, filter_action="native", sort_action="native",
                             sort_mode="multi", columns=[{"id": k, "name": k} for k in data[0]]),
        html.Div(id="out"),
    ])

    @app.callback(Output("t", "filter_query"), Input("q", "value"), prevent_initial_call=True)
    def query(text):
        return text

    @app.callback(Output("t", "sort_by"), Input("s", "value"), prevent_initial_call=True)
    def sort(text):
        return json.loads(text)

    @app.callback(Output("out", "children"), Input("t", "derived_virtual_indices"),
                  Input("t", "derived_viewport_indices"), Input("t", "derived_filter_query_structure"))
    def out(virtual, viewport, structure):
        return json.dumps([virtual, viewport, structure])

    return app, data


def test_the_headless_mirror_of_filter_and_sort_agrees_with_the_table(served):
    app, data = _mirror_app()
    page, errors = served(app)
    for sort_by in SORTS:
        page.locator("#s").fill(json.dumps(sort_by))
        page.locator("#s").press("Enter")
        for query in QUERIES:
            page.locator("#q").fill(query)
            page.locator("#q").press("Enter")
            props = {"data": data, "page_size": 7, "filter_action": "native", "sort_action": "native",
                     "sort_by": sort_by, "filter_query": query, "columns": [{"id": k, "name": k} for k in data[0]]}
            d = table_model.derived(props)
            want = [d["derived_virtual_indices"], d["derived_viewport_indices"], d["derived_filter_query_structure"]]
            expect(page.locator("#out")).to_have_text(json.dumps(want))  # the table's own derivation, in time
    assert errors == []


def _paged_app(page_action: str) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        dash_table.DataTable(id="t", data=[{"id": i, "v": i} for i in range(30)], page_size=10, page_current=0,
                             page_action=page_action, page_count=3, row_selectable="multi"),
        html.Div(id="sel")])

    @app.callback(Output("sel", "children"), Input("t", "selected_rows"))
    def sel(rows_):
        return str(rows_)

    return app


@pytest.mark.parametrize(("page_action", "after"), [("custom", "[]"), ("native", "[1]")])
def test_custom_paging_clears_the_row_selection_native_keeps_it(served, page_action, after):
    page, errors = served(_paged_app(page_action))
    page.locator("td.dash-select-cell input").nth(1).click()
    expect(page.locator("#sel")).to_have_text("[1]")
    page.locator("button.next-page").click()
    expect(page.locator("#sel")).to_have_text(after)
    assert errors == []
