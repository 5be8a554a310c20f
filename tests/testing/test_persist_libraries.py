"""Persistence of component-library components headless (propwire/testing/persist.py): dbc, dmc, AG Grid and
DataTable components that take `persistence` keep their users' edits with the defaults their classes declare
(propwire/components/library_persistence.py), and DataTable's `columns.name` keeps the column names only."""

from __future__ import annotations

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import dash_mantine_components as dmc
from dash import dash_table

from propwire import Dash, Input, Output, html
from propwire.testing import Client
from propwire.testing.persist import page_persistence

COLUMNS = [{"id": "city", "name": "City"}, {"id": "pop", "name": "Population"}]
ROWS = [{"city": c, "pop": p} for c, p in [("Oslo", 700), ("Bergen", 285), ("Turku", 195), ("Malmo", 350)]]


def _dbc_app(kind: str) -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        dbc.Input(id="name", value="start", persistence=True, persistence_type=kind),
        dbc.Select(id="color", options=["red", "blue"], value="red", persistence=True, persistence_type=kind),
        dbc.Checklist(id="extras", options=["news", "upd"], value=[], persistence=True, persistence_type=kind),
        dbc.Input(id="plain", value="start"),
        html.Div(id="out"),
    ])

    @app.callback(Output("out", "children"), Input("name", "value"), Input("color", "value"),
                  Input("extras", "value"), Input("plain", "value"))
    def show(name, color, extras, plain):
        return f"{name} {color} {extras} {plain}"

    return app


def test_dbc_inputs_keep_what_was_typed_across_a_reload_and_the_initial_callback_sees_it():
    with Client(_dbc_app("local")) as client:
        client.open()
        client.type("name", "Ada")
        client.select("color", "blue")
        client.check("extras", "upd")
        client.type("plain", "other")
        client.open()
        assert client.prop("out", "children") == "Ada blue ['upd'] start"
        client.new_tab()  # localStorage is shared with a new tab
        assert client.prop("name", "value") == "Ada"


def test_dbc_session_persistence_is_kept_by_a_reload_but_not_by_a_new_tab():
    with Client(_dbc_app("session")) as client:
        client.open()
        client.type("name", "Ada")
        client.open()
        assert client.prop("out", "children") == "Ada red [] start"
        client.new_tab()
        assert client.prop("name", "value") == "start"


def test_memory_persistence_is_lost_on_a_reload():
    with Client(_dbc_app("memory")) as client:
        client.open()
        client.type("name", "Ada")
        assert client.prop("out", "children") == "Ada red [] start"
        client.open()
        assert client.prop("name", "value") == "start"


def test_mantine_inputs_persist_value_and_a_switch_its_checked():
    app = Dash(__name__)
    app.layout = dmc.MantineProvider(html.Div([
        dmc.TextInput(id="name", value="", persistence=True),
        dmc.Switch(id="dark", checked=False, persistence=True),
        html.Div(id="out"),
    ]))

    @app.callback(Output("out", "children"), Input("name", "value"), Input("dark", "checked"))
    def show(name, dark):
        return f"{name} {dark}"

    with Client(app) as client:
        client.open()
        client.type("name", "Ada")
        client.set_prop("dark", "checked", True)
        client.open()
        assert client.prop("out", "children") == "Ada True"


def _table_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        dash_table.DataTable(id="t", columns=COLUMNS, data=ROWS, page_size=2, sort_action="native",
                             filter_action="native", row_selectable="multi", persistence=True),
        html.Div(id="out"),
    ])

    @app.callback(Output("out", "children"), Input("t", "sort_by"), Input("t", "page_current"),
                  Input("t", "selected_rows"), Input("t", "filter_query"))
    def show(sort_by, page, rows, query):
        return f"{sort_by} {page} {rows} {query!r}"

    return app


def test_datatable_keeps_its_sort_page_selection_and_filter_across_a_reload():
    with Client(_table_app()) as client:
        client.open()
        client.sort_table("t", "pop")
        client.select_table_rows("t", [0])
        client.table_page("t", "next")
        client.filter_table("t", "{pop} > 200")
        shown = client.prop("out", "children")
        client.open()
        assert client.prop("out", "children") == shown
        assert client.prop("t", "sort_by") == [{"column_id": "pop", "direction": "asc"}]
        assert client.prop("t", "filter_query") == "{pop} > 200"


def test_datatable_keeps_renamed_column_names_but_takes_the_rest_of_the_columns_from_the_layout():
    local: dict[str, str] = {}
    persist = page_persistence(local, {})
    table = {"namespace": "dash_table", "type": "DataTable", "props": {"id": "t", "columns": COLUMNS,
                                                                     "persistence": True}}
    renamed = [{"id": "city", "name": "Town"}, COLUMNS[1]]
    persist.record(table, {"columns": renamed})
    assert local == {"_dash_persistence.t.columns.name.true": '[["Town","Population"],["City","Population"]]'}
    typed = [{**COLUMNS[0], "type": "text"}, COLUMNS[1]]  # a layout that changed the columns, not their names
    assert persist.restore({**table, "props": {**table["props"], "columns": typed}}) == {
        "columns": [{"id": "city", "name": "Town", "type": "text"}, COLUMNS[1]]}
    other = [{"id": "city", "name": "Place"}, COLUMNS[1]]  # new names in the layout: the kept ones are stale
    assert persist.restore({**table, "props": {**table["props"], "columns": other}}) == {}
    assert local == {}


def test_ag_grid_keeps_its_selected_rows():
    app = Dash(__name__)
    app.layout = html.Div([dag.AgGrid(id="g", rowData=ROWS, columnDefs=[{"field": "city"}, {"field": "pop"}],
                                      dashGridOptions={"rowSelection": {"mode": "multiRow"}}, persistence=True),
                           html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("g", "selectedRows"))
    def show(rows):
        return str([row["city"] for row in rows or []])

    with Client(app) as client:
        client.open()
        client.select_rows("g", [1])
        client.open()
        assert client.prop("out", "children") == "['Bergen']"
