"""The headless client's DataTable verbs: what Dash's DataTable sets when a user clicks, types, pages, sorts.

The client cannot run the table's JavaScript, so each verb makes the setProps calls DataTable's handlers make
for that user action (Dash 4.4.1's dash-table: handlers/cellEvents.ts, ControlledTable, paginator, sorting,
filter), one DOM event per user change; and, as the table does after each render, the table reports its
derived_* props in a change of their own (table_model.derived). Values equal to the prop's current value are
left out, as Dash's setProps leaves them out. Rows are named as DataTable names them in `active_cell.row`: the
position on the page shown (0 = the first row of the current page).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from propwire.api.dependencies import id_string
from propwire.core.json_values import same_json
from propwire.testing import table_filter, table_filter_row
from propwire.testing.components import WrongComponent, kind_of, not_found, show_id
from propwire.testing.effects import ComponentEffects, now_ms
from propwire.testing.table_model import (
    CLEAR_SELECTION,
    REJECTED,
    derived,
    filter_type,
    header_click_direction,
    make_cell,
    next_sort,
    page_count,
    prop,
    reconcile,
    row_id,
    view,
)

KIND = "dash_table.DataTable"
PAGES = ("next", "previous", "first", "last")


class DataTableVerbs(ComponentEffects):
    """The headless Client's verbs for Dash's dash_table.DataTable (Client inherits them): cells, editing, rows,
    pages, sort, filter.

    They make the setProps calls the table's JavaScript makes (docs/testing.md, "DataTable"), from the table's
    props in the page; the derived_* props follow by themselves after every change. Example:
    docs/examples/propwire.testing.DataTableVerbs.py."""

    _act: Callable[[list[Callable[[], None]], bool], None]

    # -- verbs ----------------------------------------------------------------------

    def click_table_cell(self, component_id: Any, row: int, column_id: str, *, shift: bool = False,
                         wait: bool = True) -> None:
        """Click a cell: active_cell, start_cell, end_cell and selected_cells as DataTable sets them
        (with `shift`, the selection grows from the active cell to this one).

        Example: ``client.click_table_cell("table", 0, "price")`` then ``client.prop("table", "active_cell")`` is
        ``{"row": 0, "column": 1, "column_id": "price"}`` (and ``row_id`` when rows have an ``id``)."""
        id_str = self._table(component_id)
        self._cell_at(component_id, row, column_id)
        self._act([lambda: self._set_table(id_str, self._click(id_str, row, column_id, shift))], wait)

    def edit_table_cell(self, component_id: Any, row: int, column_id: str, value: Any, *, wait: bool = True) -> None:
        """Click a cell, type `value` (its text) and press Enter: `data` changes (with data_previous and
        data_timestamp) and the active cell moves one row down, as in DataTable. A numeric column keeps a
        number; text it cannot read as one leaves the cell as it was.

        Example: ``client.edit_table_cell("table", 2, "qty", "7")`` makes ``data[2]["qty"]`` 7 on page 0."""
        id_str = self._table(component_id)
        column = self._cell_at(component_id, row, column_id)
        if not column.get("editable"):
            raise WrongComponent(f"cannot edit column {column_id!r} of {show_id(component_id)}: it is not editable "
                                 "(editable=True on the table or the column)")
        if column.get("on_change") or column.get("validation"):
            raise NotImplementedError(f"column {column_id!r} of {show_id(component_id)}: the headless client "
                                      "does not mirror on_change / validation; it coerces and rejects as the default")
        if (column.get("type") or "any") not in ("any", "text", "numeric"):
            raise NotImplementedError(f"column {column_id!r} of {show_id(component_id)} is a {column.get('type')!r} "
                                      "column: the headless client edits any, text and numeric ones")
        selected = prop(self._table_props(id_str), "selected_cells")
        if len(selected) > 1 and any(c.get("row") == row and c.get("column_id") == column_id for c in selected):
            raise NotImplementedError("Enter within a selection of several cells moves inside it: the headless "
                                      "client does not mirror that; click a cell outside the selection first")
        text = value if isinstance(value, str) else str(value)
        self._act([lambda: self._set_table(id_str, self._click(id_str, row, column_id, False)),
                   lambda: self._set_table(id_str, self._enter(id_str, row, column_id, text))], wait)

    def select_table_rows(self, component_id: Any, rows: list[int], *, wait: bool = True) -> None:
        """Click the select box of each row (by its position on the page), one click after another:
        selected_rows and selected_row_ids as DataTable sets them (multi toggles, single picks), then the
        derived_*_selected_* props.

        Example: ``client.select_table_rows("table", [0, 2])`` on the first page: ``selected_rows == [0, 2]``."""
        id_str = self._table(component_id)
        mode = prop(self._table_props(id_str), "row_selectable")
        if mode not in ("single", "multi"):
            raise WrongComponent(f"cannot select rows of {show_id(component_id)}: its row_selectable is {mode!r} "
                                 "(it shows select boxes with 'single' or 'multi')")
        for row in rows:
            self._row_at(component_id, row)
        def click(row: int) -> Callable[[], None]:
            return lambda: self._set_table(id_str, self._select(id_str, row))

        self._act([click(r) for r in rows], wait)

    def table_page(self, component_id: Any, page: int | str, *, wait: bool = True) -> None:
        """Go to a page of a natively (or custom) paged table: "next", "previous", "first", "last" as its
        buttons do (a disabled button does nothing), or a page number from 0 (as typing it in the page box).

        Example: ``client.table_page("table", "next")`` makes ``page_current`` 1 from 0."""
        id_str = self._table(component_id)
        props = self._table_props(id_str)
        if prop(props, "page_action") == "none":
            raise WrongComponent(f"cannot page {show_id(component_id)}: its page_action is 'none'")
        if not isinstance(page, int) and page not in PAGES:
            raise ValueError(f"page must be a number or one of {PAGES}, not {page!r}")
        self._act([lambda: self._set_table(id_str, self._page(id_str, page))], wait)

    def sort_table(self, component_id: Any, column_id: str, direction: str | None = None, *,
                   wait: bool = True) -> None:
        """Sort by a column: with no `direction`, one click on its sort arrow (none -> asc -> desc -> none);
        with "asc", "desc" or "none", that direction. sort_by follows sort_mode; the cell selection clears.

        Example: ``client.sort_table("table", "price")`` makes ``sort_by == [{"column_id": "price",
        "direction": "asc"}]``; with native sorting derived_viewport_data is then in that order."""
        id_str = self._table(component_id)
        props = self._table_props(id_str)
        if prop(props, "sort_action") == "none":
            raise WrongComponent(f"cannot sort {show_id(component_id)}: its sort_action is 'none'")
        if direction not in (None, "asc", "desc", "none"):
            raise ValueError(f"direction must be 'asc', 'desc', 'none' or None, not {direction!r}")
        self._column_of(component_id, column_id)

        def tick() -> None:
            now = self._table_props(id_str)
            sort_by = prop(now, "sort_by")
            chosen = direction or header_click_direction(sort_by, column_id)
            self._set_table(id_str, {"sort_by": next_sort(sort_by, column_id, chosen, prop(now, "sort_mode")),
                                     **CLEAR_SELECTION})

        self._act([tick], wait)

    def filter_table(self, component_id: Any, query: str, *, wait: bool = True) -> None:
        """Set the table's filter_query, as its filter row does (the cell selection clears). A native filter then
        shows the rows the query keeps (propwire/testing/table_filter.py says which syntax; the rest raises).

        Example: ``client.filter_table("table", "{price} > 10 && {name} contains a")``."""
        id_str = self._table(component_id)
        if filter_type(self._table_props(id_str)) == "none":
            raise WrongComponent(f"cannot filter {show_id(component_id)}: its filter_action is 'none'")
        table_filter.lex(query)  # raises UnsupportedFilter for syntax the client does not evaluate
        self._act([lambda: self._set_table(id_str, {"filter_query": query, **CLEAR_SELECTION})], wait)

    def filter_table_column(self, component_id: Any, column_id: str, text: str, *, wait: bool = True) -> None:
        """Type `text` into a column's cell of the filter row and press Enter: filter_query becomes the clauses
        of every column's cell joined (propwire/testing/table_filter_row.py says how DataTable writes them).

        Example: ``client.filter_table_column("table", "qty", "> 7")`` makes filter_query ``{qty} s> 7``."""
        id_str = self._table(component_id)
        if filter_type(self._table_props(id_str)) == "none":
            raise WrongComponent(f"cannot filter {show_id(component_id)}: its filter_action is 'none'")
        column = self._column_of(component_id, column_id)
        self._act([lambda: self._set_table(id_str, self._filter_row(id_str, column, text))], wait)

    def _filter_row(self, id_str: str, column: dict[str, Any], text: str) -> dict[str, Any]:
        """The filter row's submit: the column's clause replaced in the clauses the table holds."""
        rt, props = self._rt_or_fail(), self._table_props(id_str)
        action = prop(props, "filter_action")
        operator = "||" if isinstance(action, dict) and action.get("operator") == "or" else "&&"
        table_case = (props.get("filter_options") or {}).get("case")

        def case_of(c: dict[str, Any]) -> str:
            return "i" if ((c.get("filter_options") or {}).get("case") or table_case) == "insensitive" else "s"

        cols, query = view(props).columns, prop(props, "filter_query")
        rows: dict[str, Any] = self.__dict__.setdefault("_filter_rows", {})
        held = rows.get(id_str)
        if held is None or held[0] is not rt:  # the table reads its first clauses out of filter_query
            clauses = table_filter_row.read_back(query, operator, cols, case_of) or {}
        elif held[1] != query:  # set from outside since: read back into the clauses it holds
            read = table_filter_row.read_back(query, operator, cols, case_of)
            clauses = held[2] if read is None else table_filter_row.merge(held[2], read)
        else:
            clauses = held[2]
        clauses = dict(clauses)
        if text:
            clauses[str(column["id"])] = table_filter_row.clause(text, column, case_of(column))
        else:
            clauses.pop(str(column["id"]), None)
        new_query = table_filter_row.joined(clauses, operator)
        rows[id_str] = (rt, new_query, clauses)
        return {"filter_query": new_query, **CLEAR_SELECTION}

    # -- what each user action sets ------------------------------------------------------

    def _click(self, id_str: str, row: int, column_id: str, shift: bool) -> dict[str, Any]:
        props = self._table_props(id_str)
        v = view(props)
        col = _index(v.columns, column_id)
        active = props.get("active_cell")
        if isinstance(active, dict) and active.get("row") == row and active.get("column") == col:
            return {}  # clicking the active cell again changes nothing
        if not prop(props, "cell_selectable"):
            return {}
        cell = make_cell(v, row, col)
        selected = prop(props, "selected_cells")
        if any(c.get("row") == row and c.get("column") == col for c in selected) and not shift:
            return {"is_focused": False, "active_cell": cell}
        change: dict[str, Any] = {"is_focused": False, "end_cell": cell}
        if shift and isinstance(active, dict):
            rows = range(min(row, active["row"]), max(row, active["row"]) + 1)
            cols = range(min(col, active["column"]), max(col, active["column"]) + 1)
            change["selected_cells"] = [make_cell(v, r, c) for r in rows for c in cols]
        else:
            change.update(active_cell=cell, start_cell=cell, selected_cells=[cell])
        return change

    def _enter(self, id_str: str, row: int, column_id: str, text: str) -> dict[str, Any]:
        """Enter in the cell's input: the typed text is committed (when it differs), then the active cell moves."""
        props = self._table_props(id_str)
        v = view(props)
        col = _index(v.columns, column_id)
        if len(prop(props, "selected_cells")) > 1:
            raise NotImplementedError("Enter within a selection of several cells moves inside it: the headless "
                                      "client does not mirror that; click the cell alone first")
        change: dict[str, Any] = {}
        data = props.get("data") or []
        real = v.viewport_indices[row]
        current = data[real].get(column_id) if isinstance(data[real], dict) else None
        if not (isinstance(current, str) and current == text):  # the input's value was not changed: no onChange
            value = reconcile(text, v.columns[col])
            if value is not REJECTED:
                new_data = list(data)
                new_data[real] = {**data[real], column_id: value}
                change.update(data=new_data, data_timestamp=now_ms(), data_previous=data)
        below = make_cell(v, min(len(v.viewport) - 1, row + 1), col)
        change.update(is_focused=False, selected_cells=[below], active_cell=below, start_cell=below, end_cell=below)
        return change

    def _select(self, id_str: str, row: int) -> dict[str, Any]:
        props = self._table_props(id_str)
        v = view(props)
        index = v.viewport_indices[row]
        selected = list(prop(props, "selected_rows"))
        if prop(props, "row_selectable") == "single":
            if index in selected:
                return {}  # the radio is checked already: clicking it fires no change
            new = [index]
        else:
            new = [i for i in selected if i != index] if index in selected else [*selected, index]
        data = props.get("data") or []
        return {"selected_rows": new, "selected_row_ids": [row_id(data[i]) if i < len(data) else None for i in new]}

    def _page(self, id_str: str, page: int | str) -> dict[str, Any]:
        props = self._table_props(id_str)
        count = page_count(props, view(props))
        current = prop(props, "page_current")
        if page == "next":
            if count and current == count - 1:
                return {}  # the button is disabled on the last page
            target = current + 1
        elif page == "previous":
            if current == 0:
                return {}
            target = current - 1
        elif page == "first":
            target = 0
        elif page == "last":
            if not count:
                return {}
            target = count - 1
        else:
            target = int(page)
        target = max(0, target)
        target = min(count - 1, target) if count else target
        return {"page_current": target, **CLEAR_SELECTION}

    # -- what the table does after it renders -------------------------------------------

    def _mounted(self, id_str: str, inserted: bool = False) -> None:
        super()._mounted(id_str, inserted)
        entry = self._rt_or_fail().store.entry(id_str)
        if entry is not None and kind_of(entry.comp) == KIND:
            self._table_rendered(id_str, mounted=True)

    def _after_set(self, id_str: str, prop_name: str, user: bool) -> None:
        super()._after_set(id_str, prop_name, user)
        entry = self._rt_or_fail().store.entry(id_str)
        if entry is not None and kind_of(entry.comp) == KIND and not prop_name.startswith("derived_"):
            self._table_rendered(id_str)

    def _table_rendered(self, id_str: str, mounted: bool = False) -> None:
        """Once per render: the table's own follow-up changes, after the change that re-rendered it."""
        rt = self._rt_or_fail()
        # per page: a report still due on a page the client has left does not hold back the new page's
        due: dict[str, Any] = self.__dict__.setdefault("_tables_due", {})
        if due.get(id_str) is rt:
            return
        due[id_str] = rt

        def report() -> None:
            if due.get(id_str) is rt:
                del due[id_str]
            self._table_follow_up(id_str, mounted)

        rt.effects.append(report)

    def _table_follow_up(self, id_str: str, mounted: bool) -> None:
        """The paginator's reset past the last page and the mount's active-cell fix (during the render), then the
        derived_* props (DataTable sets those in a timeout after the render: a change of their own)."""
        entry = self._rt_or_fail().store.entry(id_str)
        if entry is None:
            return
        props = entry.comp["props"]
        change: dict[str, Any] = {}
        count = page_count(props, view(props)) if prop(props, "page_action") != "none" else None
        if count and count - 1 < prop(props, "page_current"):
            change.update(page_current=0, **CLEAR_SELECTION)
        selected, active = prop(props, "selected_cells"), props.get("active_cell")
        if mounted and selected and active and not any(same_json(active, c) for c in selected):
            change["active_cell"] = selected[0]
        self._set_table(id_str, change)
        props = self._table_props(id_str)
        self._set_table(id_str, {**derived(props), **self._invalidated(id_str, props)})

    def _invalidated(self, id_str: str, props: dict[str, Any]) -> dict[str, Any]:
        """With a custom (server-side) filter, page or sort, a change of it clears the cell and row selection
        unless the render also brought new selected_rows (DataTable's derivedPropsHelper)."""
        rt = self._rt_or_fail()
        store = rt.store
        now = {"filter": prop(props, "filter_query"), "page": (prop(props, "page_current"), prop(props, "page_size")),
               "sort": store.version(f"{id_str}.sort_by"), "rows": store.version(f"{id_str}.selected_rows")}
        seen: dict[str, Any] = self.__dict__.setdefault("_tables_seen", {})
        before = seen.get(id_str)
        seen[id_str] = (rt, now)
        if before is None or before[0] is not rt or before[1]["rows"] != now["rows"]:
            return {}
        custom = {"filter": filter_type(props), "page": prop(props, "page_action"), "sort": prop(props, "sort_action")}
        if not any(before[1][k] != now[k] and custom[k] == "custom" for k in custom):
            return {}
        return {**CLEAR_SELECTION, "selected_rows": [], "selected_row_ids": []}

    # -- helpers ---------------------------------------------------------------------------

    def _set_table(self, id_str: str, change: dict[str, Any]) -> None:
        """One setProps of the table: the props whose value changes (None stands for DataTable's undefined)."""
        props = self._table_props(id_str)
        changed = {k: v for k, v in change.items() if not same_json(props.get(k), v)}
        if changed:
            self._rt_or_fail().user_change([(id_str, changed)])

    def _table(self, component_id: Any) -> str:
        id_str = id_string(component_id)
        store = self._rt_or_fail().store
        entry = store.entry(id_str)
        if entry is None:
            raise not_found(component_id, store.ids())
        kind = kind_of(entry.comp)
        if kind != KIND:
            raise WrongComponent(f"{show_id(component_id)} is a {kind}, not a {KIND}")
        return id_str

    def _table_props(self, id_str: str) -> dict[str, Any]:
        entry = self._rt_or_fail().store.entry(id_str)
        return entry.comp["props"] if entry is not None else {}

    def _column_of(self, component_id: Any, column_id: str) -> dict[str, Any]:
        cols = view(self._table_props(id_string(component_id))).columns
        if all(c.get("id") != column_id for c in cols):
            raise LookupError(f"{show_id(component_id)} shows no column {column_id!r} "
                              f"(its columns: {[c.get('id') for c in cols]})")
        return cols[_index(cols, column_id)]

    def _row_at(self, component_id: Any, row: int) -> None:
        shown = len(view(self._table_props(id_string(component_id))).viewport)
        if not isinstance(row, int) or not 0 <= row < shown:
            raise IndexError(f"{show_id(component_id)} shows no row {row!r} on its current page "
                             f"(rows 0..{shown - 1})" if shown else f"{show_id(component_id)} shows no rows")

    def _cell_at(self, component_id: Any, row: int, column_id: str) -> dict[str, Any]:
        column = self._column_of(component_id, column_id)
        self._row_at(component_id, row)
        return column


def _index(cols: list[dict[str, Any]], column_id: str) -> int:
    return next(i for i, c in enumerate(cols) if c.get("id") == column_id)
