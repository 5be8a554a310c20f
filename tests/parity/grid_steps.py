"""AG Grid steps of the parity runner: a cell click, a row's selection checkbox, a header click (sort), an edit.

In Chromium they are real mouse clicks on dash-ag-grid's DOM, the same on Dash and on propwire (the grid draws
it); headless they are propwire.testing.Client's grid verbs (testing/aggrid.py), with the grid's own rules for
what a header click or a checkbox click changes: a header click cycles the column's sort asc -> desc -> none
(the others' sort cleared), a checkbox click toggles its row in the selection.
"""

from __future__ import annotations

import json
from typing import Any

# verb -> (positional arguments, options), merged into runner.VERBS
GRID_VERBS = {"grid_click": (3, {"wait"}), "grid_select": (2, {"wait"}), "grid_sort": (2, {"wait"}),
              "grid_edit": (4, {"wait"})}
_NEXT_SORT = {"asc": "desc", "desc": None, None: "asc"}


def _cell(grid: Any, row: int, col: str) -> Any:
    return grid.locator(f".ag-row[row-index='{row}'] .ag-cell[col-id={json.dumps(col)}]").first


async def grid_click(page: Any, grid_id: Any, row: int, col: str) -> None:
    """Click the cell at displayed row `row`, column `col` (the row must be drawn: the first rows are)."""
    await page.component(grid_id)
    await _cell(page.locator(grid_id), row, col).click(timeout=page.timeout * 1000)


async def grid_select(page: Any, grid_id: Any, row: int) -> None:
    """Click the selection checkbox of displayed row `row`."""
    await page.component(grid_id)
    box = page.locator(grid_id).locator(f".ag-row[row-index='{row}'] .ag-selection-checkbox input").first
    await box.click(timeout=page.timeout * 1000)


async def grid_sort(page: Any, grid_id: Any, col: str) -> None:
    """Click the header of column `col` (its label, where a click sorts)."""
    await page.component(grid_id)
    header = page.locator(grid_id).locator(f".ag-header-cell[col-id={json.dumps(col)}] .ag-header-cell-label")
    await header.first.click(timeout=page.timeout * 1000)


async def grid_edit(page: Any, grid_id: Any, row: int, col: str, value: Any) -> None:
    """Double-click the cell, replace its text with `value` and press Enter (the cell's own editor parses it)."""
    await page.component(grid_id)
    await _cell(page.locator(grid_id), row, col).dblclick(timeout=page.timeout * 1000)
    await page.page.keyboard.press("Control+A")
    await page.page.keyboard.type(str(value))
    await page.page.keyboard.press("Enter")


def play_headless(client: Any, verb: str, args: list, wait: bool) -> None:
    """The same steps through the headless client's grid verbs."""
    grid_id = args[0]
    if verb == "grid_click":
        client.click_cell(grid_id, args[1], args[2], wait=wait)
    elif verb == "grid_select":
        shown = client.grid_rows(grid_id)
        held = client.prop(grid_id, "selectedRows") or []
        chosen = [shown.index(r) for r in held if r in shown]
        chosen = [i for i in chosen if i != args[1]] if args[1] in chosen else [*chosen, args[1]]
        client.select_rows(grid_id, chosen, wait=wait)
    elif verb == "grid_sort":
        state = client.prop(grid_id, "columnState") or []
        current = next((s.get("sort") for s in state if s.get("colId") == args[1]), None)
        client.sort_grid(grid_id, args[1], _NEXT_SORT[current], wait=wait)
    elif verb == "grid_edit":
        client.edit_cell(grid_id, args[1], args[2], args[3], wait=wait)
    else:
        raise ValueError(f"not a grid step: {verb}")


# dash-ag-grid draws nothing until its async chunk (async-community.js) has loaded, and no callback request
# tells the runner it is still coming: a page is not idle while a grid of its layout has no .ag-root-wrapper.
_GRIDS = {
    "dash": """() => { const st = window.store.getState(); let n = 0;
      const walk = v => { if (Array.isArray(v)) { v.forEach(walk); return; } if (!v || typeof v !== 'object') return;
        if (v.namespace === 'dash_ag_grid' && v.type === 'AgGrid') n += 1; Object.values(v).forEach(walk); };
      walk(st.layout); return n; }""",
    "propwire": """() => { const store = window.propwire.runtime.store; let n = 0;
      for (const id of store.ids()) { const e = store.entry(id); if (e && e.comp.namespace === 'dash_ag_grid') n += 1; }
      return n; }""",
}


def with_grids_ready(framework: str, idle_js: str) -> str:
    """The framework's idle check, and every grid of the layout drawn."""
    return (f"() => ({idle_js})() && document.querySelectorAll('.ag-root-wrapper').length >= "
            f"({_GRIDS[framework]})()")
