"""What a DataTable computes from its props, mirrored for the headless client (Dash 4.4.1's dash-table).

The browser's DataTable derives the rows it shows from `data`: the native filter, then the native sort give the
"virtual" rows, the current page of those the "viewport"; it reports them back through its derived_* props and
names cells {row, column, column_id, row_id} by their place in the viewport. These functions compute the same
from the props a page holds, with DataTable's defaults for the props the layout leaves unset.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Any

from propwire.core.json_values import same_json
from propwire.testing import table_filter
from propwire.testing.table_js import is_numeric, json_number, less, to_number

# DataTable's defaultProps for what these functions read
DEFAULTS: dict[str, Any] = {"page_action": "native", "page_current": 0, "page_size": 250, "filter_query": "",
                            "filter_action": "none", "sort_action": "none", "sort_mode": "single", "sort_by": [],
                            "sort_as_null": [], "selected_rows": [], "selected_cells": [], "selected_columns": [],
                            "cell_selectable": True, "editable": False, "row_selectable": False}
# setProps(...clearSelection): what paging, sorting and filtering do to the cell selection
CLEAR_SELECTION: dict[str, Any] = {"active_cell": None, "start_cell": None, "end_cell": None, "selected_cells": []}


def prop(props: dict[str, Any], name: str) -> Any:
    """A prop's value, DataTable's default when the layout leaves it unset (or None)."""
    value = props.get(name)
    return DEFAULTS.get(name) if value is None else value


def filter_type(props: dict[str, Any]) -> str:
    """filter_action as its type: "none", "native" or "custom" (it may be {type, operator})."""
    action = prop(props, "filter_action")
    return action.get("type", "none") if isinstance(action, dict) else action


def columns(props: dict[str, Any]) -> list[dict[str, Any]]:
    """The visible columns, each with its resolved `editable` and `sort_as_null` (as DataTable's Sanitizer)."""
    given = props.get("columns")
    if not given:
        data = props.get("data") or []
        keys = list(data[0]) if data and isinstance(data[0], dict) else []
        return [{"id": k, "name": k, "editable": False, "sort_as_null": []} for k in keys]
    hidden = props.get("hidden_columns") or []
    out = []
    for column in given:
        if column.get("id") in hidden:
            continue
        editable = column.get("editable")
        out.append({**column, "editable": prop(props, "editable") if editable is None else editable,
                    "sort_as_null": column.get("sort_as_null") or prop(props, "sort_as_null")})
    return out


@dataclass
class View:
    """The rows after filter and sort (virtual) and on the current page (viewport), with their indices in data."""

    columns: list[dict[str, Any]]
    virtual: list[Any]
    virtual_indices: list[int]
    viewport: list[Any]
    viewport_indices: list[int]


def view(props: dict[str, Any]) -> View:
    """What the table shows for these props."""
    cols = columns(props)
    data = props.get("data") or []
    indices = list(range(len(data)))
    if filter_type(props) == "native":
        indices = [indices[i] for i in table_filter.keep(prop(props, "filter_query"), data)]
    if prop(props, "sort_action") == "native":
        indices = sort_indices(data, indices, prop(props, "sort_by"), cols)
    start, stop = 0, len(indices)
    if prop(props, "page_action") == "native":
        size = prop(props, "page_size")
        # as DataTable: the page is capped at ceil(rows / size), one past the last page (which shows nothing)
        page = min(prop(props, "page_current"), math.ceil(len(indices) / size) if size else 0)
        start = size * page
        stop = min(start + size, len(indices))
    shown = indices[start:stop]
    return View(cols, [data[i] for i in indices], indices, [data[i] for i in shown], shown)


def sort_indices(data: list[Any], indices: list[int], sort_by: list[dict[str, Any]],
                 cols: list[dict[str, Any]]) -> list[int]:
    """DataTable's native sort: stable, by each sort_by entry in turn; nully cells last in either direction."""
    if not sort_by:
        return indices

    def nully(value: Any, column_id: Any) -> bool:
        column = next((c for c in cols if c.get("id") == column_id), None)
        as_null = (column or {}).get("sort_as_null") or []
        return value is None or any(same_json(value, v) for v in as_null)

    def before(a: Any, b: Any, column_id: Any, descending: bool) -> bool:
        x, y = _cell(a, column_id), _cell(b, column_id)
        if nully(x, column_id):
            return False
        if nully(y, column_id):
            return True
        return less(y, x) if descending else less(x, y)

    def compare(i: int, j: int) -> int:
        for entry in sort_by:
            column_id, descending = entry.get("column_id"), entry.get("direction") == "desc"
            if before(data[i], data[j], column_id, descending):
                return -1
            if before(data[j], data[i], column_id, descending):
                return 1
        return 0

    return sorted(indices, key=functools.cmp_to_key(compare))


def _cell(row: Any, column_id: Any) -> Any:
    return row.get(column_id) if isinstance(row, dict) else None


def row_id(row: Any) -> Any:
    """A row's `id` (None when it has none: JS undefined, sent as null in a list)."""
    return row.get("id") if isinstance(row, dict) else None


def make_cell(v: View, row: int, column: int) -> dict[str, Any]:
    """A cell as DataTable names it: row in the viewport, column among the visible ones; row_id when the row has
    an id."""
    cell: dict[str, Any] = {"row": row, "column": column, "column_id": v.columns[column].get("id")}
    rid = row_id(v.viewport[row])
    if rid is not None:
        cell["row_id"] = rid
    return cell


def selected_positions(indices: list[int], selected_rows: list[int]) -> list[int]:
    """Where the selected data rows sit among `indices` (the virtual or viewport rows), in selection order."""
    where = {index: pos for pos, index in enumerate(indices)}
    return [where[r] for r in selected_rows if r in where]


def derived(props: dict[str, Any]) -> dict[str, Any]:
    """The derived_* props DataTable reports after rendering these props."""
    v = view(props)
    selected = prop(props, "selected_rows")
    virtual_sel = selected_positions(v.virtual_indices, selected)
    viewport_sel = selected_positions(v.viewport_indices, selected)
    chosen = prop(props, "selected_columns")
    return {
        "derived_filter_query_structure": table_filter.structure(prop(props, "filter_query")),
        "derived_virtual_data": v.virtual, "derived_virtual_indices": v.virtual_indices,
        "derived_virtual_row_ids": [row_id(r) for r in v.virtual],
        "derived_viewport_data": v.viewport, "derived_viewport_indices": v.viewport_indices,
        "derived_viewport_row_ids": [row_id(r) for r in v.viewport],
        "derived_virtual_selected_rows": virtual_sel,
        "derived_virtual_selected_row_ids": [row_id(v.virtual[i]) for i in virtual_sel],
        "derived_viewport_selected_columns": [c.get("id") for c in v.columns if c.get("id") in chosen],
        "derived_viewport_selected_rows": viewport_sel,
        "derived_viewport_selected_row_ids": [row_id(v.viewport[i]) for i in viewport_sel],
    }


def page_count(props: dict[str, Any], v: View) -> int | None:
    """How many pages the paginator knows: native counts the virtual rows; custom takes page_count."""
    action, size = prop(props, "page_action"), prop(props, "page_size")
    count = (math.ceil(len(v.virtual) / size) if size else None) if action == "native" else props.get("page_count")
    return max(count, 1) if count else count


def next_sort(sort_by: list[dict[str, Any]], column_id: str, direction: str, mode: str) -> list[dict[str, Any]]:
    """sort_by after setting one column's direction ("none" removes it), single or multi mode."""
    if mode != "multi":
        return [] if direction == "none" else [{"column_id": column_id, "direction": direction}]
    out = [dict(s) for s in sort_by]
    current = next((s for s in out if s.get("column_id") == column_id), None)
    if direction == "none":
        return [s for s in out if s is not current]
    if current is not None:
        current["direction"] = direction
    else:
        out.append({"column_id": column_id, "direction": direction})
    return out


def header_click_direction(sort_by: list[dict[str, Any]], column_id: str) -> str:
    """The sort arrow's cycle: none -> asc -> desc -> none."""
    current = next((s.get("direction") for s in sort_by if s.get("column_id") == column_id), "none")
    return {"asc": "desc", "desc": "none"}.get(str(current), "asc")


REJECTED = object()  # a typed value the column does not take: DataTable leaves the cell as it was


def reconcile(text: str, column: dict[str, Any]) -> Any:
    """A typed cell text as the column keeps it (DataTable's default on_change: coerce, reject on failure)."""
    kind = column.get("type") or "any"
    if kind == "numeric":
        return json_number(to_number(text)) if is_numeric(text) else REJECTED
    if kind in ("any", "text"):
        return text
    raise NotImplementedError(f"the headless client does not edit {kind!r} columns of a DataTable "
                              f"(column {column.get('id')!r}); it edits any, text and numeric ones")
