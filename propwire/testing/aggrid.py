"""Headless verbs for dash-ag-grid's `AgGrid`: what the grid's JavaScript would send, derived from its props.

The headless Client cannot run AG Grid, so `AgGridVerbs` (one of the Client's bases) mirrors the props the
grid sets with `setProps` when a user clicks a cell, selects rows, sorts by a header or edits a cell, and
the ones it sets by itself (on mount: `virtualRowData`, `filterModel`, `columnState`; after a callback
replaced `rowData`: `virtualRowData`; after a callback's `rowTransaction`: `rowTransaction` None, then `rowData`
and `virtualRowData`), as Dash 4.4.1 with dash-ag-grid 35.3.0 shows them to callbacks. docs/testing.md
lists what is modelled and what is not; in short: client-side row model, sort by `field` values with AG
Grid's default comparator, no filters, no value getters, no row grouping, column widths taken from
`columnDefs` (or AG Grid's default 200), not measured.

    client.click_cell("grid", 0, "price")          # cellClicked {value, colId, rowIndex, rowId, timestamp}
    client.select_rows("grid", [0, 2])             # selectedRows: the two displayed rows' dicts
    client.sort_grid("grid", "price", "desc")      # columnState and virtualRowData, as a header click
    client.edit_cell("grid", 1, "price", 9.5)      # cellValueChanged; the rows hold the new value
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from propwire.api.dependencies import id_string
from propwire.testing import aggrid_model as model
from propwire.testing.aggrid_model import GridError, grid_props
from propwire.testing.effects import now_ms
from propwire.testing.runtime import Runtime
from propwire.testing.store import Entry

__all__ = ["AgGridVerbs", "GridError"]

_DIRECTIONS = ("asc", "desc", None)


class AgGridVerbs:
    """The headless Client's verbs for dash-ag-grid's AgGrid (Client inherits them): `client.click_cell(...)`.

    They send what the grid's JavaScript would (docs/testing.md, "AG Grid"), derived from the grid's props in
    the page; the mount and rowData follow-ups run by themselves. Example:
    docs/examples/propwire.testing.AgGridVerbs.py."""

    def _entry(self, component_id: Any) -> Entry:
        raise NotImplementedError

    def _rt_or_fail(self) -> Runtime:
        raise NotImplementedError

    def _act(self, ticks: list[Callable[[], None]], wait: bool) -> None:
        raise NotImplementedError

    # -- verbs ------------------------------------------------------------------------

    def click_cell(self, grid_id: Any, row_index: int, col_id: str, *, double: bool = False,
                   wait: bool = True) -> None:
        """Click a cell of a dash_ag_grid.AgGrid: `cellClicked` gets {value, colId, rowIndex, rowId, timestamp}.

        Parameters:
            grid_id: the grid's id.
            row_index: the row's index as displayed (after the grid's sort), as AG Grid's rowIndex.
            col_id: the column's colId (its `colId`, else its `field`).
            double: a double click: `cellClicked`, then `cellDoubleClicked` (a test's double click: its two
                clicks fall in one millisecond, so the grid's second cellClicked equals the first and Dash
                drops it).
            wait: False returns as soon as the event is sent (then `wait()`).

        With `rowSelection` "single"/"multiple" (or a dict with `enableClickSelection`), the click also
        selects the row, as AG Grid's click selection does. Example: ``client.click_cell("grid", 0, "make")``.
        """
        id_str, props = self._grid(grid_id)
        shown = model.shown_nodes(props, grid_id)
        node = model.node_at(shown, row_index, grid_id)
        column = model.column(props, col_id, grid_id)
        clicked = {"value": model.cell_value(node.data, column, grid_id), "colId": col_id,
                   "rowIndex": row_index, "rowId": node.row_id}

        def tick() -> None:
            self._rt_or_fail().user_change([(id_str, {"cellClicked": {**clicked, "timestamp": now_ms()}})])

        def select() -> None:  # dash-ag-grid sends the selection from a timer, after the click's event
            selected = model.click_selection(props, node, self._selected_nodes(id_str))
            if selected is not None:
                self._rt_or_fail().user_change([(id_str, {"selectedRows": [n.data for n in selected]})])

        def second() -> None:
            self._rt_or_fail().user_change([(id_str, {"cellDoubleClicked": {**clicked, "timestamp": now_ms()}})])

        self._act([tick, select, second] if double else [tick, select], wait)

    def select_rows(self, grid_id: Any, rows: list[int], *, wait: bool = True) -> None:
        """Select rows of a grid (its checkboxes, or clicks with Ctrl): `selectedRows` becomes their row dicts,
        in the order given. `rows` are displayed row indices; [] deselects all.

        Example: ``client.select_rows("grid", [0, 3])``; a single-row grid refuses more than one row."""
        id_str, props = self._grid(grid_id)
        shown = model.shown_nodes(props, grid_id)
        if not isinstance(rows, (list, tuple)):
            raise GridError(f"select_rows on grid {model.show(grid_id)}: rows is a list of row indices, not "
                            f"{rows!r}")
        if len(rows) > 1 and model.selection_mode(props) == "single":
            raise GridError(f"grid {model.show(grid_id)} selects a single row (rowSelection "
                            f"{props.get('rowSelection')!r}): cannot select {len(rows)} rows")
        if model.selection_mode(props) is None and rows:
            raise GridError(f"grid {model.show(grid_id)} has no rowSelection: its rows cannot be selected")
        chosen = [model.node_at(shown, index, grid_id).data for index in rows]
        self._act([lambda: self._rt_or_fail().user_change([(id_str, {"selectedRows": chosen})])], wait)

    def sort_grid(self, grid_id: Any, col_id: str, direction: str | None, *, wait: bool = True) -> None:
        """Sort a grid by one column, as a header click does: the other columns' sort is cleared;
        `columnState` (sort, sortIndex) and `virtualRowData` (the rows in the new order) are sent.

        Parameters:
            direction: "asc", "desc" or None (unsorted: the rows' own order).
        Example: ``client.sort_grid("grid", "price", "asc")``."""
        id_str, props = self._grid(grid_id)
        if direction not in _DIRECTIONS:
            raise GridError(f"sort_grid on grid {model.show(grid_id)}: direction is 'asc', 'desc' or None, "
                            f"not {direction!r}")
        column = model.column(props, col_id, grid_id)
        if not model.sortable(props, column):
            raise GridError(f"column {col_id!r} of grid {model.show(grid_id)} is not sortable")
        state = model.column_state(props)
        state = [model.set_sort(e, direction if e["colId"] == col_id else None,
                                0 if e["colId"] == col_id and direction else None) for e in state]
        rows = [n.data for n in model.shown_nodes({**props, "columnState": state}, grid_id)]
        self._act([lambda: self._rt_or_fail().user_change(
            [(id_str, {"virtualRowData": rows, "columnState": state})])], wait)

    def edit_cell(self, grid_id: Any, row_index: int, col_id: str, value: Any, *, wait: bool = True) -> None:
        """Edit a cell and press Enter: `cellValueChanged` [{rowIndex, rowId, data, oldValue, value, colId,
        timestamp}] is sent; `rowData`, `virtualRowData` and `selectedRows` hold the edited row from then on
        (as State), without an event of their own, as on Dash (see _edit_in_place).

        `value` is what the cell's editor gives: a number for a number column, text for a text one.
        Example: ``client.edit_cell("grid", 0, "price", 12)``; a column not `editable` refuses."""
        id_str, props = self._grid(grid_id)
        shown = model.shown_nodes(props, grid_id)
        node = model.node_at(shown, row_index, grid_id)
        column = model.column(props, col_id, grid_id)
        if not model.editable(props, column):
            raise GridError(f"column {col_id!r} of grid {model.show(grid_id)} is not editable")
        old = model.cell_value(node.data, column, grid_id)
        data = model.with_value(node.data, column, value)
        change = {"rowIndex": row_index, "rowId": node.row_id, "data": data, "oldValue": old, "value": value,
                  "colId": col_id}

        def tick() -> None:
            self._edit_in_place(id_str, node, data)
            self._rt_or_fail().user_change([(id_str, {"cellValueChanged": [{**change, "timestamp": now_ms()}]})])

        self._act([tick], wait)

    def _edit_in_place(self, id_str: str, node: model.Node, data: dict[str, Any]) -> None:
        """AG Grid writes the edit into the row object itself, which rowData, virtualRowData and selectedRows
        share: their values change, but the setProps that follows (rowData, virtualRowData) holds objects
        equal to the ones held, so Dash sends no event for them. The store takes the new values silently."""
        store = self._rt_or_fail().store
        entry = store.entry(id_str)
        if entry is None:
            return
        props = entry.comp["props"]
        for prop in ("rowData", "virtualRowData", "selectedRows"):
            held = props.get(prop)
            if isinstance(held, list):
                store.set_prop(id_str, prop, [data if model.same_json(r, node.data) else r for r in held]
                               if prop != "rowData" else [data if i == node.position else r
                                                          for i, r in enumerate(held)])

    def grid_rows(self, grid_id: Any) -> list[dict[str, Any]]:
        """The rows a grid shows, in its display order (its sort applied): what `virtualRowData` holds."""
        _, props = self._grid(grid_id)
        return [n.data for n in model.shown_nodes(props, grid_id)]

    # -- what the grid does by itself ----------------------------------------------------

    def _mounted(self, id_str: str, inserted: bool = False) -> None:
        super()._mounted(id_str, inserted)  # type: ignore[misc]
        entry = self._rt_or_fail().store.entry(id_str)
        if entry is not None and model.is_grid(entry.comp):
            self._rt_or_fail().effects.append(lambda: self._grid_ready(id_str))

    def _after_set(self, id_str: str, prop: str, user: bool) -> None:
        super()._after_set(id_str, prop, user)  # type: ignore[misc]
        entry = self._rt_or_fail().store.entry(id_str)
        if user or entry is None or not model.is_grid(entry.comp):
            return
        if prop == "rowData":
            self._rt_or_fail().effects.append(lambda: self._rows_updated(id_str))
        elif prop == "rowTransaction" and entry.comp["props"].get("rowTransaction"):
            self._rt_or_fail().effects.append(lambda: self._transaction(id_str))

    def _grid_ready(self, id_str: str) -> None:
        """AG Grid's gridReady: dash-ag-grid sends the filter model, the displayed rows and the column state."""
        entry = self._rt_or_fail().store.entry(id_str)
        if entry is None:
            return
        props = entry.comp["props"]
        ready = {"filterModel": props.get("filterModel") or {}, "updateColumnState": False,
                 "columnState": model.column_state(props)}
        rows = self._shown_or_report(id_str, props)
        if rows is not None:
            ready["virtualRowData"] = rows
        self._rt_or_fail().user_change([(id_str, ready)])  # equal props are dropped there

    def _rows_updated(self, id_str: str) -> None:
        """rowData from a callback: the grid sends the displayed rows again (onRowDataUpdated). selectedRows is
        not sent again: Dash 4.4.1 keeps the rows it held, even ones no longer in rowData."""
        entry = self._rt_or_fail().store.entry(id_str)
        rows = None if entry is None else self._shown_or_report(id_str, entry.comp["props"])
        if rows is not None:
            self._rt_or_fail().user_change([(id_str, {"virtualRowData": rows})])

    def _transaction(self, id_str: str) -> None:
        """A callback's rowTransaction: the grid applies it and sets rowTransaction back to None at once; once the
        (async) transaction is flushed it sends rowData and virtualRowData (only what changed goes out)."""
        rt = self._rt_or_fail()
        entry = rt.store.entry(id_str)
        if entry is None:
            return
        props = entry.comp["props"]
        tx = props.get("rowTransaction")
        rt.user_change([(id_str, {"rowTransaction": None})])
        try:
            rows = model.apply_transaction(props, tx if isinstance(tx, dict) else {}, id_str)
        except GridError as exc:
            rt.reports.append(f"{exc}; its rowTransaction is not applied headless")
            return
        shown = self._shown_or_report(id_str, {**props, "rowData": rows})
        rt.effects.append(lambda: rt.user_change([(id_str, {"rowData": rows, **(
            {"virtualRowData": shown} if shown is not None else {})})]))

    def _shown_or_report(self, id_str: str, props: dict[str, Any]) -> list[dict[str, Any]] | None:
        """The displayed rows; for a grid the model cannot follow (a filter), None and a line in errors(), so the
        page still loads and the gap is said rather than guessed."""
        try:
            return [n.data for n in model.shown_nodes(props, id_str)]
        except GridError as exc:
            self._rt_or_fail().reports.append(f"{exc}; its virtualRowData is not sent headless")
            return None

    def _selected_nodes(self, id_str: str) -> list[model.Node]:
        entry = self._rt_or_fail().store.entry(id_str)
        if entry is None:
            return []
        props = entry.comp["props"]
        return model.selected_nodes(props, model.nodes(props, id_str))

    def _grid(self, grid_id: Any) -> tuple[str, dict[str, Any]]:
        entry = self._entry(grid_id)
        return id_string(grid_id), grid_props(entry.comp, grid_id)

