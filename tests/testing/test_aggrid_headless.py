"""dash-ag-grid (the real PyPI package) driven by the headless Client's grid verbs: a 10,000-row grid from
pandas sorted by a header, cellClicked and selectedRows as callback Inputs, rowData replaced by a callback,
a MATCH callback over two grids, an edit; and the verbs' errors. tests/browser/test_lib_aggrid.py plays the
same scenarios in Chromium."""

from __future__ import annotations

import pytest

from propwire import Dash, Input, Output, ctx, html
from propwire.testing import Client, GridError, WrongComponent
from tests.testing.aggrid_apps import CARS, big_app, dag, match_app, rowdata_app, select_app


def test_a_10000_row_grid_from_pandas_mounts_and_sorts_by_a_column():
    with Client(big_app()) as client:
        client.open("/")
        assert client.text("first") == "10000: [0, 1, 2]"  # the grid's mount sent virtualRowData
        assert client.text("sorts") == "[]"
        client.sort_grid("grid", "score", "asc")
        assert client.text("first") == "10000: [0, 1000, 2000]"  # score 0, ties in row order
        assert client.text("sorts") == "[('score', 'asc')]"
        client.sort_grid("grid", "score", "desc")
        assert client.text("first") == "10000: [321, 1321, 2321]"  # score 999
        client.sort_grid("grid", "score", None)
        assert client.text("first") == "10000: [0, 1, 2]" and client.text("sorts") == "[]"


def test_cell_clicked_and_selected_rows_are_callback_inputs():
    with Client(select_app()) as client:
        client.open("/")
        assert client.text("clicked") == "none" and client.text("selected") == "nothing"
        client.click_cell("grid", 1, "make")
        assert client.text("clicked") == "make=Ford at 1 (1)"
        cell = client.prop("grid", "cellClicked")
        assert set(cell) == {"value", "colId", "rowIndex", "rowId", "timestamp"} and isinstance(cell["timestamp"], int)
        client.select_rows("grid", [2, 0])
        assert client.text("selected") == "Audi, Tesla"
        assert client.prop("grid", "selectedRows") == [CARS[2], CARS[0]]
        client.sort_grid("grid", "price", "asc")
        client.click_cell("grid", 0, "make")  # the displayed index, the row's own id
        assert client.text("clicked") == "make=Audi at 0 (2)"
        assert client.grid_rows("grid")[:2] == [CARS[2], CARS[1]]


def test_an_edit_sends_cell_value_changed_and_the_rows_hold_the_new_value():
    with Client(select_app()) as client:
        client.open("/")
        client.edit_cell("grid", 1, "price", 30000)
        assert client.text("edited") == f"price 33850->30000 row 1; total {64950 + 30000 + 29600 + 33850}"
        assert client.prop("grid", "rowData")[1] == {"make": "Ford", "price": 30000}
        with pytest.raises(GridError, match="column 'make' of grid 'grid' is not editable"):
            client.edit_cell("grid", 0, "make", "Kia")


def test_row_data_replaced_by_a_callback_resends_the_shown_rows():
    app = rowdata_app()
    with Client(app) as client:
        client.open("/")
        assert client.text("shown") == "Tesla Ford Audi BMW"
        client.sort_grid("grid", "price", "desc")
        client.click("cheap")
        assert client.text("shown") == "Ford BMW Audi"  # the sort stays; the new rows' ids start again at 0
        client.click_cell("grid", 2, "make")
        assert client.text("clicked") == "Audi 1"


def test_a_match_callback_over_two_grids_answers_the_clicked_one():
    app = match_app()
    with Client(app) as client:
        client.open("/")
        client.click_cell({"type": "grid", "index": 1}, 2, "item")
        assert client.text({"type": "out", "index": 1}) == "1: pear 2"
        assert client.text({"type": "out", "index": 0}) == "-"


def test_grid_verbs_name_the_grid_in_their_errors():
    with Client(select_app()) as client:
        client.open("/")
        with pytest.raises(GridError, match=r"grid 'grid' has no column 'year' \(its columns: 'make', 'price'\)"):
            client.click_cell("grid", 0, "year")
        with pytest.raises(GridError, match="grid 'grid' shows 4 rows: no row index 4"):
            client.select_rows("grid", [4])
        with pytest.raises(WrongComponent, match="'clicked' is a html.Div, not a dash_ag_grid.AgGrid"):
            client.sort_grid("clicked", "make", "asc")
        with pytest.raises(GridError, match="direction is 'asc', 'desc' or None"):
            client.sort_grid("grid", "make", "up")


def test_a_filtered_grid_still_loads_and_says_what_it_did_not_send():
    app = Dash(__name__)
    app.layout = html.Div([dag.AgGrid(id="grid", rowData=CARS, columnDefs=[{"field": "make", "filter": True}],
                                      filterModel={"make": {"filterType": "text", "type": "contains", "filter": "o"}}),
                           html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("grid", "virtualRowData"))
    def out(rows):
        return "none" if rows is None else str(len(rows))

    with Client(app) as client:
        client.open("/")
        assert client.text("out") == "none"
        assert client.errors() == ["grid 'grid' is filtered: the headless client does not model AG Grid's filters; "
                                   "its virtualRowData is not sent headless"]
        with pytest.raises(GridError, match="is filtered"):
            client.click_cell("grid", 0, "make")


def test_a_row_transaction_from_a_callback_adds_updates_and_removes_rows_by_row_id():
    app = Dash(__name__)
    rows = [{"id": i, "make": m} for i, m in enumerate(["Tesla", "Ford", "Audi"])]
    app.layout = html.Div([html.Button("add", id="add"), html.Button("rm", id="rm"), html.Button("up", id="up"),
                           dag.AgGrid(id="keyed", rowData=rows, columnDefs=[{"field": "make"}],
                                      getRowId="params.data.id"),
                           dag.AgGrid(id="plain", rowData=rows, columnDefs=[{"field": "make"}]),
                           html.Div(id="keyed-out"), html.Div(id="plain-out")])
    changes = {"add": {"add": [{"id": 11, "make": "Kia"}]}, "rm": {"remove": [{"id": 1}]},
               "up": {"update": [{"id": 0, "make": "TESLA"}]}}

    @app.callback(Output("keyed", "rowTransaction"), Output("plain", "rowTransaction"),
                  Input("add", "n_clicks"), Input("rm", "n_clicks"), Input("up", "n_clicks"), prevent_initial_call=True)
    def tx(*_):
        return changes[ctx.triggered_id], changes[ctx.triggered_id]

    for name in ("keyed", "plain"):
        @app.callback(Output(f"{name}-out", "children"), Input(name, "rowData"), prevent_initial_call=True)
        def out(data):
            return " ".join(r["make"] for r in data)

    with Client(app) as client:
        client.open("/")
        for button in ("add", "rm", "up"):
            client.click(button)
        assert client.text("keyed-out") == "TESLA Audi Kia"
        assert client.text("plain-out") == "Tesla Ford Audi Kia"  # no getRowId: remove / update match nothing
        assert client.prop("keyed", "rowTransaction") is None and client.grid_rows("keyed")[2] == {"id": 11, "make": "Kia"}
        client.click_cell("plain", 3, "make")
        assert client.prop("plain", "cellClicked")["rowId"] == "3"
