"""The headless model of an AG Grid (testing/aggrid_model.py): columns, row ids, AG Grid's sort order,
selection matching, and the errors for what it does not model."""

from __future__ import annotations

import pytest

from propwire.testing import GridError, WrongComponent
from propwire.testing import aggrid_model as model

ROWS = [{"id": 7, "make": "Tesla", "price": 64950, "spec": {"seats": 5}},
        {"id": 3, "make": "Ford", "price": None, "spec": {"seats": 4}},
        {"id": 9, "make": "Audi", "price": 33850, "spec": {"seats": 5}},
        {"id": 1, "make": "BMW", "price": 33850, "spec": {"seats": 2}}]
COLS = [{"field": "make"}, {"headerName": "Money", "children": [{"field": "price"}, {"field": "spec.seats"}]},
        {"colId": "extra", "valueGetter": {"function": "1"}}]


def grid(**more):
    return {"rowData": ROWS, "columnDefs": COLS, **more}


def test_columns_flatten_groups_and_take_the_default_col_def():
    cols = model.columns(grid(defaultColDef={"editable": True}))
    assert [c["colId"] for c in cols] == ["make", "price", "spec.seats", "extra"]
    assert all(c["editable"] for c in cols)
    with pytest.raises(GridError, match=r"grid 'g' has no column 'nope' \(its columns: 'make', 'price'"):
        model.column(grid(), "nope", "g")


def test_sort_follows_ag_grids_comparator_missing_first_and_ties_in_row_order():
    state = model.column_state(grid())
    state[1]["sort"], state[1]["sortIndex"] = "asc", 0
    asc = [n.data["make"] for n in model.shown_nodes(grid(columnState=state), "g")]
    assert asc == ["Ford", "Audi", "BMW", "Tesla"]  # None first; Audi before BMW as in rowData
    state[1]["sort"] = "desc"
    desc = [n.data["make"] for n in model.shown_nodes(grid(columnState=state), "g")]
    assert desc == ["Tesla", "Audi", "BMW", "Ford"]  # ties stay in rowData order, None last


def test_sort_from_column_defs_and_by_a_nested_field():
    cols = [{"field": "make"}, {"field": "spec.seats", "sort": "asc"}]
    order = [n.data["make"] for n in model.shown_nodes({"rowData": ROWS, "columnDefs": cols}, "g")]
    assert order == ["BMW", "Ford", "Tesla", "Audi"]


def test_row_ids_are_positions_or_get_row_id():
    assert [n.row_id for n in model.nodes(grid(), "g")] == ["0", "1", "2", "3"]
    assert [n.row_id for n in model.nodes(grid(getRowId="params.data.id"), "g")] == [7, 3, 9, 1]
    assert [n.row_id for n in model.nodes(grid(getRowId="String(params.data.id)"), "g")] == ["7", "3", "9", "1"]
    with pytest.raises(GridError, match="getRowId of the form"):
        model.nodes(grid(getRowId="params.data.a + params.data.b"), "g")


def test_cell_values_and_edits_follow_the_field_path():
    col = model.column(grid(), "spec.seats", "g")
    assert model.cell_value(ROWS[0], col, "g") == 5
    edited = model.with_value(ROWS[0], col, 7)
    assert edited["spec"] == {"seats": 7} and ROWS[0]["spec"] == {"seats": 5}  # a copy: the page is untouched
    with pytest.raises(GridError, match="valueGetter"):
        model.cell_value(ROWS[0], model.column(grid(), "extra", "g"), "g")


def test_what_is_not_modelled_says_so():
    with pytest.raises(GridError, match="is filtered"):
        model.shown_nodes(grid(filterModel={"make": {"filter": "a"}}), "g")
    with pytest.raises(GridError, match="client-side row model"):
        model.shown_nodes(grid(rowModelType="infinite"), "g")
    with pytest.raises(GridError, match="shows 4 rows: no row index 4"):
        model.node_at(model.shown_nodes(grid(), "g"), 4, "g")


def test_selected_rows_match_by_data_by_row_id_or_by_ids():
    every = model.nodes(grid(), "g")
    assert [n.position for n in model.selected_nodes(grid(selectedRows=[ROWS[2], ROWS[0]]), every)] == [2, 0]
    assert model.selected_nodes(grid(selectedRows=[{"id": 9}]), every) == []  # partial rows need getRowId
    keyed = grid(getRowId="params.data.id", selectedRows=[{"id": 9}])
    assert [n.position for n in model.selected_nodes(keyed, model.nodes(keyed, "g"))] == [2]
    assert [n.position for n in model.selected_nodes(grid(selectedRows={"ids": ["3"]}), every)] == [3]


def test_selection_modes_and_click_selection():
    assert model.selection_mode(grid()) is None
    assert model.selection_mode(grid(dashGridOptions={"rowSelection": {"mode": "multiRow"}})) == "multiple"
    assert model.selection_mode(grid(dashGridOptions={"rowSelection": "single"})) == "single"
    every = model.nodes(grid(), "g")
    clicky = grid(dashGridOptions={"rowSelection": {"mode": "singleRow", "enableClickSelection": True}})
    assert model.click_selection(clicky, every[1], []) == [every[1]]
    assert model.click_selection(clicky, every[1], [every[1]]) is None  # already selected: no change
    assert model.click_selection(grid(dashGridOptions={"rowSelection": {"mode": "multiRow"}}), every[1], []) is None


def test_column_state_is_kept_when_it_names_the_columns():
    built = model.column_state(grid())
    assert built[0] == {"colId": "make", "width": 200, "hide": False, "pinned": None, "sort": None,
                        "sortIndex": None, "aggFunc": None, "rowGroup": False, "rowGroupIndex": None,
                        "pivot": False, "pivotIndex": None, "flex": None}
    built[0]["width"] = 321
    assert model.column_state(grid(columnState=built))[0]["width"] == 321
    assert model.column_state(grid(columnState=built[:1]))[0]["width"] == 200  # other columns: rebuilt


def test_a_non_grid_is_refused_by_name():
    with pytest.raises(WrongComponent, match="'b' is a html.Button, not a dash_ag_grid.AgGrid"):
        model.grid_props({"namespace": "html", "type": "Button", "props": {}}, "b")


def test_column_state_has_the_selection_column_and_sort_type_as_ag_grid():
    checked = grid(dashGridOptions={"rowSelection": {"mode": "multiRow"}})
    state = model.column_state(checked)
    assert [(s["colId"], s["width"]) for s in state[:2]] == [("ag-Grid-SelectionColumn", 50), ("make", 200)]
    assert model.column_state(grid(dashGridOptions={"rowSelection": {"mode": "multiRow", "checkboxes": False}})
                              )[0]["colId"] == "make"
    assert model.column_state(grid(dashGridOptions={"rowSelection": "single"}))[0]["colId"] == "make"
    sorted_entry = model.set_sort(state[1], "asc", 0)
    assert list(sorted_entry)[4:7] == ["sort", "sortType", "sortIndex"] and sorted_entry["sortType"] == "default"
    assert "sortType" not in model.set_sort(sorted_entry, None, None)
