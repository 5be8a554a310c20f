"""A model of what an AG Grid shows, from its props: columns, row nodes and ids, sort order, selection.

Pure functions over a dash_ag_grid.AgGrid's props (the JSON the page holds), for the headless verbs of
testing/aggrid.py. What is modelled follows AG Grid's client-side row model: columns from `columnDefs`
(column groups flattened, `defaultColDef` under each), colId = `colId` or `field`, cell values read from
`field` (dotted paths are nested keys), row ids from `getRowId` of the form ``params.data.<field>``
(else AG Grid's own: the row's position in `rowData`, as text), sort by `columnState` (else the
columnDefs' `sort`/`sortIndex`) with AG Grid's default comparator. What is not (filters, value getters,
row grouping, a getRowId other than a field) raises GridError naming the grid, rather than guessing.

>>> shown_nodes({"rowData": [{"a": 2}, {"a": 1}], "columnDefs": [{"field": "a", "sort": "asc"}]}, "g")[0].data
{'a': 1}
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from functools import cmp_to_key
from typing import Any

from propwire.core.json_values import same_json
from propwire.testing.components import WrongComponent, kind_of, show_id

GRID = "dash_ag_grid.AgGrid"
DEFAULT_WIDTH = 200  # AG Grid's width of a column whose colDef gives none
_ROW_ID = re.compile(r"^\s*(?:String\(\s*)?params\.data\.([A-Za-z_$][\w$]*)\s*\)?\s*$")


class GridError(LookupError):
    """A grid verb named a column or row the grid does not have, or asked for what the model cannot know."""


@dataclass
class Node:
    """One row node: its data, its position in `rowData` and its id (AG Grid's node.id)."""

    data: dict[str, Any]
    position: int
    row_id: Any


def show(grid_id: Any) -> str:
    return show_id(grid_id)


def is_grid(comp: dict) -> bool:
    return kind_of(comp) == GRID


def grid_props(comp: dict, grid_id: Any) -> dict[str, Any]:
    """The props of a grid; WrongComponent for any other component."""
    if not is_grid(comp):
        raise WrongComponent(f"{show(grid_id)} is a {kind_of(comp)}, not a {GRID}: grid verbs act on AG Grids")
    return comp["props"]


# -- columns -------------------------------------------------------------------------------

def columns(props: dict[str, Any]) -> list[dict[str, Any]]:
    """The leaf columns in order, each colDef over `defaultColDef`, with its "colId" filled in."""
    default = props.get("defaultColDef") or {}
    found: list[dict[str, Any]] = []

    def walk(defs: Any) -> None:
        for col in defs or []:
            if isinstance(col, dict) and "children" in col:
                walk(col["children"])
            elif isinstance(col, dict):
                merged = {**default, **col}
                col_id = merged.get("colId", merged.get("field"))
                if col_id is not None:
                    found.append({**merged, "colId": str(col_id)})

    walk(props.get("columnDefs"))
    return found


def column(props: dict[str, Any], col_id: str, grid_id: Any) -> dict[str, Any]:
    """The column whose colId is `col_id`; GridError naming the grid and its columns otherwise."""
    cols = columns(props)
    for col in cols:
        if col["colId"] == col_id:
            return col
    known = ", ".join(repr(c["colId"]) for c in cols) or "none"
    raise GridError(f"grid {show(grid_id)} has no column {col_id!r} (its columns: {known})")


def sortable(props: dict[str, Any], col: dict[str, Any]) -> bool:
    return col.get("sortable", True) is not False  # sortable by default since AG Grid 31


def editable(props: dict[str, Any], col: dict[str, Any]) -> bool:
    return col.get("editable") is True


def cell_value(data: dict[str, Any], col: dict[str, Any], grid_id: Any) -> Any:
    """The cell's value: the row's `field` (a dotted field is a path of keys)."""
    if col.get("valueGetter") is not None:
        raise GridError(f"column {col['colId']!r} of grid {show(grid_id)} has a valueGetter, which the headless "
                        "client cannot run")
    field = col.get("field")
    if field is None:
        return None
    value: Any = data
    for key in str(field).split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def with_value(data: dict[str, Any], col: dict[str, Any], value: Any) -> dict[str, Any]:
    """A copy of the row with the column's field set to `value` (AG Grid writes the field's path)."""
    row = copy.deepcopy(data)
    keys = str(col.get("field", col["colId"])).split(".")
    target = row
    for key in keys[:-1]:
        target = target.setdefault(key, {})
    target[keys[-1]] = value
    return row


SELECTION_COLUMN = "ag-Grid-SelectionColumn"  # the checkbox column AG Grid adds for the object form of rowSelection


def _state_entry(col_id: str, col: dict[str, Any], width: Any) -> dict[str, Any]:
    entry = {"colId": col_id, "width": col.get("width", width), "hide": bool(col.get("hide", False)),
             "pinned": col.get("pinned"), "sort": col.get("sort"), "sortIndex": col.get("sortIndex"),
             "aggFunc": None, "rowGroup": False, "rowGroupIndex": None, "pivot": False, "pivotIndex": None,
             "flex": col.get("flex")}
    return set_sort(entry, col.get("sort"), col.get("sortIndex"))


def set_sort(entry: dict[str, Any], direction: str | None, index: int | None) -> dict[str, Any]:
    """A column state entry with its sort set where AG Grid keeps it (a set sort adds "sortType": "default")."""
    ordered: dict[str, Any] = {}
    for key, value in {"sort": None, **entry}.items() if "sort" not in entry else entry.items():
        if key == "sort":
            ordered.update({"sort": direction, **({"sortType": "default"} if direction else {}), "sortIndex": index})
        elif key not in ("sortType", "sortIndex"):
            ordered[key] = value
    return ordered


def has_selection_column(props: dict[str, Any]) -> bool:
    rule = (props.get("dashGridOptions") or {}).get("rowSelection")
    return isinstance(rule, dict) and rule.get("checkboxes", True) is not False


def column_state(props: dict[str, Any]) -> list[dict[str, Any]]:
    """What gridApi.getColumnState() gives: the grid's columnState when it has one for these columns, else one
    built from columnDefs (widths are the colDefs' or 200, the selection column's 50: not measured)."""
    cols = columns(props)
    built = [_state_entry(SELECTION_COLUMN, {}, 50)] if has_selection_column(props) else []
    built += [_state_entry(c["colId"], c, DEFAULT_WIDTH) for c in cols]
    held = props.get("columnState")
    if isinstance(held, list) and [s.get("colId") for s in held if isinstance(s, dict)] == [b["colId"] for b in built]:
        return copy.deepcopy(held)
    return built


# -- rows --------------------------------------------------------------------------------

def row_id_of(props: dict[str, Any], data: dict[str, Any], position: int, grid_id: Any) -> Any:
    """AG Grid's node.id: getRowId's value, or the row's position as text."""
    rule = props.get("getRowId")
    if rule is None:
        return str(position)
    found = _ROW_ID.match(str(rule))
    if found is None:
        raise GridError(f"grid {show(grid_id)}: the headless client reads a getRowId of the form "
                        f"'params.data.<field>', not {rule!r}")
    value = data.get(found.group(1))
    return str(value) if "String(" in str(rule) else value


def nodes(props: dict[str, Any], grid_id: Any) -> list[Node]:
    rows = props.get("rowData") or []
    return [Node(row, i, row_id_of(props, row, i, grid_id)) for i, row in enumerate(rows)]


def _check_modelled(props: dict[str, Any], grid_id: Any) -> None:
    options = props.get("dashGridOptions") or {}
    if props.get("rowModelType", "clientSide") != "clientSide":
        raise GridError(f"grid {show(grid_id)}: only the client-side row model is modelled headless")
    if props.get("filterModel") or options.get("quickFilterText"):
        raise GridError(f"grid {show(grid_id)} is filtered: the headless client does not model AG Grid's filters")


def _compare(a: Any, b: Any) -> int:
    """AG Grid's default comparator: missing values first, then JavaScript's < and > (0 where they cannot
    compare, as JavaScript's NaN comparisons)."""
    if a is None or b is None:
        return 0 if a is None and b is None else (-1 if a is None else 1)
    try:
        return 1 if a > b else -1 if a < b else 0
    except TypeError:
        return 0


def sort_spec(props: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """The sorted columns in sort order, with their direction."""
    by_id = {c["colId"]: c for c in columns(props)}
    state = column_state(props)
    sorted_cols = [s for s in state if s.get("sort") in ("asc", "desc") and s["colId"] in by_id]
    sorted_cols.sort(key=lambda s: (s.get("sortIndex") is None, s.get("sortIndex") or 0))
    return [(by_id[s["colId"]], s["sort"]) for s in sorted_cols]


def shown_nodes(props: dict[str, Any], grid_id: Any) -> list[Node]:
    """The row nodes in display order (forEachNodeAfterFilterAndSort): sorted, ties in rowData order."""
    _check_modelled(props, grid_id)
    every = nodes(props, grid_id)
    spec = sort_spec(props)
    if not spec:
        return every

    def order(x: Node, y: Node) -> int:
        for col, direction in spec:
            result = _compare(cell_value(x.data, col, grid_id), cell_value(y.data, col, grid_id))
            if result:
                return result if direction == "asc" else -result
        return x.position - y.position

    return sorted(every, key=cmp_to_key(order))


def node_at(shown: list[Node], row_index: int, grid_id: Any) -> Node:
    if not isinstance(row_index, int) or isinstance(row_index, bool) or not 0 <= row_index < len(shown):
        raise GridError(f"grid {show(grid_id)} shows {len(shown)} rows: no row index {row_index!r}")
    return shown[row_index]


# -- selection -----------------------------------------------------------------------------

def selection_mode(props: dict[str, Any]) -> str | None:
    """"single", "multiple" or None, from rowSelection (AG Grid's object form or the older strings)."""
    rule = (props.get("dashGridOptions") or {}).get("rowSelection")
    if isinstance(rule, dict):
        return {"singleRow": "single", "multiRow": "multiple"}.get(str(rule.get("mode")))
    return rule if rule in ("single", "multiple") else None


def click_selection(props: dict[str, Any], node: Node, current: list[Node]) -> list[Node] | None:
    """The selection after a plain click on a row, or None when a click does not select (AG Grid selects on
    click with the older string modes, or with the object form's enableClickSelection)."""
    options = props.get("dashGridOptions") or {}
    rule = options.get("rowSelection")
    if isinstance(rule, dict):
        selects = rule.get("enableClickSelection") in (True, "enableSelection")
    else:
        selects = rule in ("single", "multiple") and not options.get("suppressRowClickSelection")
    if not selects:
        return None
    chosen = [node]
    return None if [n.position for n in current] == [n.position for n in chosen] else chosen


def selected_nodes(props: dict[str, Any], every: list[Node]) -> list[Node]:
    """The nodes `selectedRows` names (row dicts, equal data or the same getRowId; or {"ids": [...]}), in
    the order it names them."""
    wanted = props.get("selectedRows")
    if isinstance(wanted, dict) and isinstance(wanted.get("ids"), list):
        by_id = {n.row_id: n for n in every}
        return [by_id[i] for i in wanted["ids"] if i in by_id]
    if not isinstance(wanted, list):
        return []
    chosen: list[Node] = []
    for row in wanted:
        for node in every:
            same = (props.get("getRowId") is not None and isinstance(row, dict)
                    and row_id_of(props, row, -1, "") == node.row_id) or same_json(row, node.data)
            if same and node not in chosen:
                chosen.append(node)
                break
    return chosen


# -- row transactions ----------------------------------------------------------------------

def apply_transaction(props: dict[str, Any], tx: dict[str, Any], grid_id: Any) -> list[dict[str, Any]]:
    """rowData after AG Grid applies `rowTransaction` {add, addIndex, update, remove}. Rows to update or
    remove are found by their getRowId value; without getRowId AG Grid matches them by object identity, which
    rows sent from Python never have, so they change nothing (as in the browser)."""
    rows = list(props.get("rowData") or [])
    keyed = props.get("getRowId") is not None

    def key(row: Any) -> Any:
        return row_id_of(props, row, -1, grid_id) if keyed and isinstance(row, dict) else object()

    gone = {key(r) for r in tx.get("remove") or []}
    rows = [r for r in rows if key(r) not in gone]
    updates = {key(r): r for r in tx.get("update") or []}
    rows = [updates.get(key(r), r) for r in rows]
    added = list(tx.get("add") or [])
    at = tx.get("addIndex")
    if at is not None and not keyed and added:
        raise GridError(f"grid {show(grid_id)}: rows added at addIndex without getRowId shift AG Grid's own row ids, "
                        "which the headless client does not follow (give the grid a getRowId)")
    at = len(rows) if at is None else max(0, min(int(at), len(rows)))
    return rows[:at] + added + rows[at:]
