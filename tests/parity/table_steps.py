"""DataTable steps of the parity runner: a cell click, a cell edit, a page button, a header's sort arrow, a row's
select box, a column's filter cell.

In Chromium they are real mouse clicks and keys on DataTable's own DOM, the same on Dash and on propwire (Dash's
table bundle draws it in both); headless they are propwire.testing.Client's table verbs (testing/datatable.py),
which make the setProps calls the table's handlers make for the same action.
"""

from __future__ import annotations

import json
from typing import Any

# verb -> (positional arguments, options), merged into runner.VERBS
TABLE_VERBS = {"table_click": (3, {"wait"}), "table_edit": (4, {"wait"}), "table_page": (2, {"wait"}),
               "table_sort": (2, {"wait"}), "table_select": (2, {"wait"}), "table_filter": (3, {"wait"})}
_PAGE_BUTTONS = {"next": "next-page", "previous": "previous-page", "first": "first-page", "last": "last-page"}
_FOCUSED = "sel => !!document.activeElement && !!document.activeElement.closest(sel)"


def _cell_selector(table_id: Any, row: int, col: str) -> str:
    from .drivers import id_key

    return (f"[id={json.dumps(id_key(table_id))}] "
            f"td.dash-cell[data-dash-row={json.dumps(str(row))}][data-dash-column={json.dumps(col)}]")


async def table_click(page: Any, table_id: Any, row: int, col: str) -> None:
    """Click the cell at row `row` of the page shown, column `col` (its column id)."""
    await page.component(table_id)
    await page.page.locator(_cell_selector(table_id, row, col)).first.click(timeout=page.timeout * 1000)


async def table_edit(page: Any, table_id: Any, row: int, col: str, text: str) -> None:
    """Click the cell, type `text` into it once its input has the focus, press Enter (the table commits it)."""
    selector = _cell_selector(table_id, row, col)
    await table_click(page, table_id, row, col)
    await page.page.wait_for_function(_FOCUSED, arg=selector, timeout=page.timeout * 1000)
    await page.page.keyboard.type(text)
    await page.page.keyboard.press("Enter")


async def table_page(page: Any, table_id: Any, which: str) -> None:
    """Click the table's "next" / "previous" / "first" / "last" page button."""
    if which not in _PAGE_BUTTONS:
        raise ValueError(f"table_page takes one of {sorted(_PAGE_BUTTONS)}, not {which!r}")
    await page.component(table_id)
    button = page.locator(table_id).locator(f"button.{_PAGE_BUTTONS[which]}").first
    # a disabled button (next on the last page) takes the click and does nothing, as for a user
    await button.click(timeout=page.timeout * 1000, force=await button.is_disabled(timeout=page.timeout * 1000))


async def table_sort(page: Any, table_id: Any, col: str) -> None:
    """Click the sort arrow in column `col`'s header (none -> asc -> desc -> none)."""
    await page.component(table_id)
    arrow = page.locator(table_id).locator(f"th[data-dash-column={json.dumps(col)}] .column-header--sort")
    await arrow.first.click(timeout=page.timeout * 1000)


async def table_select(page: Any, table_id: Any, row: int) -> None:
    """Click the select box (checkbox or radio) of row `row` of the page shown."""
    await page.component(table_id)
    box = page.locator(table_id).locator("td.dash-select-cell input").nth(row)
    await box.click(timeout=page.timeout * 1000)


async def table_filter(page: Any, table_id: Any, col: str, text: str) -> None:
    """Type `text` into column `col`'s cell of the filter row and press Enter."""
    await page.component(table_id)
    field = page.locator(table_id).locator(f"th.dash-filter[data-dash-column={json.dumps(col)}] input[type=text]")
    await field.first.fill(text, timeout=page.timeout * 1000)
    await field.first.press("Enter", timeout=page.timeout * 1000)


def play_headless(client: Any, verb: str, args: list, wait: bool) -> None:
    """The same steps through the headless client's table verbs."""
    if verb == "table_click":
        client.click_table_cell(args[0], args[1], args[2], wait=wait)
    elif verb == "table_edit":
        client.edit_table_cell(args[0], args[1], args[2], args[3], wait=wait)
    elif verb == "table_page":
        client.table_page(args[0], args[1], wait=wait)
    elif verb == "table_sort":
        client.sort_table(args[0], args[1], wait=wait)
    elif verb == "table_select":
        client.select_table_rows(args[0], [args[1]], wait=wait)
    elif verb == "table_filter":
        client.filter_table_column(args[0], args[1], args[2], wait=wait)
    else:
        raise ValueError(f"not a table step: {verb}")


# DataTable draws nothing until its async chunk (async-table.js) has loaded, and no callback request tells the
# runner it is still coming: a page is not idle while a table of its layout has no .dash-spreadsheet-container.
_TABLES = {
    "dash": """() => { const st = window.store.getState(); let n = 0;
      const walk = v => { if (Array.isArray(v)) { v.forEach(walk); return; } if (!v || typeof v !== 'object') return;
        if (v.namespace === 'dash_table' && v.type === 'DataTable') n += 1; Object.values(v).forEach(walk); };
      walk(st.layout); return n; }""",
    "propwire": """() => { const store = window.propwire.runtime.store; let n = 0;
      for (const id of store.ids()) { const e = store.entry(id); if (e && e.comp.namespace === 'dash_table') n += 1; }
      return n; }""",
}


def with_tables_ready(framework: str, idle_js: str) -> str:
    """The framework's idle check, and every DataTable of the layout drawn."""
    return (f"() => ({idle_js})() && document.querySelectorAll('.dash-spreadsheet-container').length >= "
            f"({_TABLES[framework]})()")
