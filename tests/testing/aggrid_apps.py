"""The dash-ag-grid apps of the grid tests, shared by the headless tests (tests/testing/test_aggrid_headless.py)
and the Chromium ones (tests/browser/test_lib_aggrid.py): the same app, the same expectations."""

from __future__ import annotations

import dash_ag_grid as dag
import pandas as pd

from propwire import MATCH, Dash, Input, Output, State, ctx, html

CARS = [{"make": m, "price": p} for m, p in [("Tesla", 64950), ("Ford", 33850), ("Audi", 29600), ("BMW", 33850)]]


def big_app() -> Dash:
    df = pd.DataFrame({"n": range(10_000), "score": [(i * 7919) % 1000 for i in range(10_000)]})
    app = Dash(__name__)
    app.layout = html.Div([
        dag.AgGrid(id="grid", rowData=df.to_dict("records"), columnDefs=[{"field": "n"}, {"field": "score"}]),
        html.Div(id="first"), html.Div(id="sorts"),
    ])

    @app.callback(Output("first", "children"), Input("grid", "virtualRowData"))
    def first(rows):
        return f"{len(rows or [])}: {[r['n'] for r in (rows or [])[:3]]}"

    @app.callback(Output("sorts", "children"), Input("grid", "columnState"))
    def sorts(state):
        return str([(s["colId"], s["sort"]) for s in state or [] if s.get("sort")])

    return app


def select_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        dag.AgGrid(id="grid", rowData=CARS, columnDefs=[{"field": "make"}, {"field": "price", "editable": True}],
                   dashGridOptions={"rowSelection": {"mode": "multiRow"}}),
        html.Div(id="clicked"), html.Div(id="selected"), html.Div(id="edited"),
    ])

    @app.callback(Output("clicked", "children"), Input("grid", "cellClicked"))
    def clicked(cell):
        return "none" if cell is None else f"{cell['colId']}={cell['value']} at {cell['rowIndex']} ({cell['rowId']})"

    @app.callback(Output("selected", "children"), Input("grid", "selectedRows"))
    def selected(rows):
        return ", ".join(r["make"] for r in rows or []) or "nothing"

    @app.callback(Output("edited", "children"), Input("grid", "cellValueChanged"), State("grid", "rowData"))
    def edited(changes, rows):
        if not changes:
            return ""
        c = changes[0]
        return f"{c['colId']} {c['oldValue']}->{c['value']} row {c['rowId']}; total {sum(r['price'] for r in rows)}"

    return app


def rowdata_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        html.Button("cheap", id="cheap"),
        dag.AgGrid(id="grid", rowData=CARS, columnDefs=[{"field": "make"}, {"field": "price"}]),
        html.Div(id="shown"), html.Div(id="clicked"),
    ])

    @app.callback(Output("grid", "rowData"), Input("cheap", "n_clicks"), prevent_initial_call=True)
    def cheap(_):
        return [r for r in CARS if r["price"] < 40000]

    @app.callback(Output("shown", "children"), Input("grid", "virtualRowData"))
    def shown(rows):
        return " ".join(r["make"] for r in rows or [])

    @app.callback(Output("clicked", "children"), Input("grid", "cellClicked"))
    def clicked(cell):
        return "" if cell is None else f"{cell['value']} {cell['rowId']}"

    return app


def match_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([html.Div([
        dag.AgGrid(id={"type": "grid", "index": i}, rowData=[{"item": f"{name} {k}"} for k in range(3)],
                   columnDefs=[{"field": "item"}]),
        html.Div(id={"type": "out", "index": i})]) for i, name in enumerate(["apple", "pear"])])

    @app.callback(Output({"type": "out", "index": MATCH}, "children"),
                  Input({"type": "grid", "index": MATCH}, "cellClicked"))
    def show(cell):
        return "-" if cell is None else f"{ctx.triggered_id['index']}: {cell['value']}"

    return app
