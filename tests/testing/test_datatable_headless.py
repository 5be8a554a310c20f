"""Dash's DataTable driven by the headless client: paging, editing, cells, rows, native sort and filter, with
the table's props as callback Inputs (the same app as tests/browser/test_lib_datatable.py)."""

from __future__ import annotations

import json
import time

import pytest

from propwire.testing import Client
from propwire.testing.components import WrongComponent
from propwire.testing.table_filter import UnsupportedFilter
from tests.testing.datatable_app import ROWS, make_app, rows


@pytest.fixture()
def client():
    with Client(make_app()) as c:
        c.open()
        yield c


def _ids(client: Client) -> list[int]:
    return [int(x) for x in client.text("shown").split()]


def test_the_table_reports_its_rows_once_mounted(client):
    assert client.text("page") == "page 0"
    assert _ids(client) == list(range(10))  # derived_viewport_row_ids, set by the table after it mounted
    assert client.prop("t", "derived_virtual_indices") == list(range(ROWS))
    assert client.text("sum") == f"sum {sum(r['qty'] for r in rows())} edited False"


def test_native_paging(client):
    client.table_page("t", "next")
    assert client.text("page") == "page 1" and _ids(client) == list(range(10, 20))
    client.table_page("t", "last")
    assert client.text("page") == "page 9" and _ids(client) == list(range(90, 95))
    client.table_page("t", "next")  # the button is disabled on the last page: no event
    assert client.calls() == [] and client.prop("t", "page_current") == 9
    client.table_page("t", 3)
    assert _ids(client) == list(range(30, 40))


def test_editing_a_cell_sets_data_previous_and_timestamp_and_moves_down(client):
    before = sum(r["qty"] for r in rows())
    old = client.prop("t", "data")
    client.table_page("t", "next")
    start = int(time.time() * 1000)
    client.edit_table_cell("t", 2, "qty", "9")  # page 1, row 2: data row 12 (qty 4)
    data = client.prop("t", "data")
    assert data[12]["qty"] == 9 and data[:12] == old[:12] and data[13:] == old[13:]
    assert client.prop("t", "data_previous") == old
    assert start <= client.prop("t", "data_timestamp") <= int(time.time() * 1000)
    assert client.text("sum") == f"sum {before - 4 + 9} edited True"
    assert json.loads(client.text("active")) == {"row": 3, "column": 1, "column_id": "qty", "row_id": 13}
    client.edit_table_cell("t", 3, "qty", "lots")  # a numeric column rejects text that is no number
    assert client.prop("t", "data")[13]["qty"] == old[13]["qty"]
    with pytest.raises(WrongComponent, match="not editable"):
        client.edit_table_cell("t", 0, "name", "x")


def test_clicking_cells_sets_the_cell_selection(client):
    client.click_table_cell("t", 4, "price")
    cell = {"row": 4, "column": 2, "column_id": "price", "row_id": 4}
    assert json.loads(client.text("active")) == cell
    assert client.prop("t", "selected_cells") == [cell] and client.prop("t", "start_cell") == cell
    assert client.prop("t", "end_cell") == cell and client.prop("t", "is_focused") is False
    client.click_table_cell("t", 4, "price")  # the active cell again: nothing
    assert client.calls() == []
    client.click_table_cell("t", 5, "qty", shift=True)
    assert [(c["row"], c["column"]) for c in client.prop("t", "selected_cells")] == [(4, 1), (4, 2), (5, 1), (5, 2)]
    assert client.prop("t", "active_cell") == cell
    client.table_page("t", "next")  # paging clears the selection
    assert client.text("active") == "null" and client.prop("t", "selected_cells") == []
    with pytest.raises(IndexError, match="rows 0..9"):
        client.click_table_cell("t", 10, "qty")
    with pytest.raises(LookupError, match="no column 'nope'"):
        client.click_table_cell("t", 0, "nope")


def test_selecting_rows(client):
    client.select_table_rows("t", [0, 2])
    assert client.text("selected") == "rows [0, 2] ids [0, 2]"
    assert client.prop("t", "derived_viewport_selected_rows") == [0, 2]
    client.table_page("t", "next")
    client.select_table_rows("t", [1])
    assert client.text("selected") == "rows [0, 2, 11] ids [0, 2, 11]"
    assert client.prop("t", "derived_viewport_selected_rows") == [1]
    assert client.prop("t", "derived_virtual_selected_rows") == [0, 2, 11]
    client.table_page("t", "previous")
    client.select_table_rows("t", [0])  # unticks it
    assert client.text("selected") == "rows [2, 11] ids [2, 11]"


def test_native_sort_by_header_clicks(client):
    client.sort_table("t", "qty")
    assert client.prop("t", "sort_by") == [{"column_id": "qty", "direction": "asc"}]
    qty = {r["id"]: r["qty"] for r in rows()}
    assert _ids(client) == [i for i in range(ROWS) if qty[i] == 0][:10]  # stable: ties keep their data order
    client.sort_table("t", "qty")
    assert _ids(client) == sorted(range(ROWS), key=lambda i: -qty[i])[:10]
    assert [qty[i] for i in _ids(client)] == [9] * 9 + [8]
    client.sort_table("t", "qty")
    assert client.prop("t", "sort_by") == [] and _ids(client) == list(range(10))
    client.sort_table("t", "price", "asc")
    assert _ids(client) == list(range(94, 84, -1))


def test_native_filter_and_the_page_it_resets(client):
    client.table_page("t", "last")
    client.filter_table("t", "{qty} > 7 && {price} >= 50")
    keep = [r["id"] for r in rows() if r["qty"] > 7 and r["price"] >= 50]
    assert client.prop("t", "derived_virtual_row_ids") == keep
    assert client.text("page") == "page 0"  # page 9 is past the filtered rows' last page: the table goes to 0
    assert _ids(client) == keep[:10]
    assert client.prop("t", "derived_filter_query_structure")["subType"] == "&&"
    with pytest.raises(UnsupportedFilter, match="parenthesis"):
        client.filter_table("t", "({qty} > 7)")


def test_table_verbs_name_what_is_wrong(client):
    with pytest.raises(WrongComponent, match="html.Div, not a dash_table.DataTable"):
        client.table_page("page", "next")


def test_a_table_a_callback_inserts_reports_its_rows_too():
    from propwire import Dash, Input, Output, dash_table, html

    app = Dash(__name__, suppress_callback_exceptions=True)  # the table comes later
    app.layout = html.Div([html.Button("add", id="add"), html.Div(id="slot"), html.Div(id="ids")])

    @app.callback(Output("slot", "children"), Input("add", "n_clicks"), prevent_initial_call=True)
    def add(n):
        return dash_table.DataTable(id="late", data=[{"id": 7 * i, "v": i} for i in range(n + 2)], page_size=2)

    @app.callback(Output("ids", "children"), Input("late", "derived_viewport_row_ids"), prevent_initial_call=True)
    def ids(row_ids):
        return str(row_ids)

    with Client(app) as c:
        c.open()
        c.click("add")
        assert c.text("ids") == "[0, 7]"
        c.table_page("late", "next")
        assert c.text("ids") == "[14]"


def test_custom_paging_clears_the_row_selection_native_paging_keeps_it():
    from propwire import Dash, Input, Output, dash_table, html

    def app_with(page_action: str) -> Dash:
        app = Dash(__name__)
        app.layout = html.Div([
            dash_table.DataTable(id="t", data=[{"id": i} for i in range(30)], page_size=10, page_current=0,
                                 page_action=page_action, page_count=3, row_selectable="multi"),
            html.Div(id="sel")])

        @app.callback(Output("sel", "children"), Input("t", "selected_rows"))
        def sel(rows_):
            return str(rows_)

        return app

    with Client(app_with("custom")) as c:
        c.open()
        c.select_table_rows("t", [1])
        assert c.text("sel") == "[1]"
        c.table_page("t", "next")  # a server-side page: the selection it had no longer means those rows
        assert c.text("sel") == "[]" and c.prop("t", "selected_row_ids") == []
    with Client(app_with("native")) as c:
        c.open()
        c.select_table_rows("t", [1])
        c.table_page("t", "next")
        assert c.text("sel") == "[1]"


def test_typing_into_the_filter_row_builds_the_query(client):
    client.filter_table_column("t", "qty", "> 7")
    assert client.prop("t", "filter_query") == "{qty} s> 7"
    client.filter_table_column("t", "name", "item 1")
    assert client.prop("t", "filter_query") == '{qty} s> 7 && {name} scontains "item 1"'
    keep = [r["id"] for r in rows() if r["qty"] > 7 and "item 1" in r["name"]]
    assert client.prop("t", "derived_virtual_row_ids") == keep
    client.filter_table_column("t", "qty", "")
    assert client.prop("t", "filter_query") == '{name} scontains "item 1"'


def test_edits_the_client_does_not_mirror_raise_before_acting(client):
    client.click_table_cell("t", 2, "qty")
    client.click_table_cell("t", 3, "price", shift=True)
    with pytest.raises(NotImplementedError, match="selection of several cells"):
        client.edit_table_cell("t", 3, "price", "1")
    assert len(client.prop("t", "selected_cells")) == 4  # nothing was clicked

    from propwire import Dash, dash_table

    app = Dash(__name__)
    app.layout = dash_table.DataTable(id="d", data=[{"when": "2024-01-02"}], editable=True,
                                      columns=[{"id": "when", "name": "When", "type": "datetime"}])
    with Client(app) as c:
        c.open()
        with pytest.raises(NotImplementedError, match="'datetime' column"):
            c.edit_table_cell("d", 0, "when", "2025-01-01")
        assert c.prop("d", "active_cell") is None
