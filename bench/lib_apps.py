"""The two pages of bench/lib_first_render.py, served on either framework (the import line from bench/shim.py).

    BENCH_FRAMEWORK=dash|propwire python bench/lib_apps.py aggrid|dbc PORT

aggrid: an AG Grid of 10,000 rows from a pandas DataFrame (five columns) and a callback on its virtualRowData;
dbc: a dash-bootstrap-components form (inputs, a select, a checklist, a button) and three Tabs with a
callback drawing the active tab's content.
"""

from __future__ import annotations

import sys

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import pandas as pd
from shim import Dash, Input, Output, State, html


def aggrid_app() -> Dash:
    n = 10_000
    df = pd.DataFrame({"id": range(n), "name": [f"item {i:05d}" for i in range(n)],
                       "price": [round((i * 7919) % 1000 / 7, 2) for i in range(n)],
                       "stock": [(i * 31) % 97 for i in range(n)], "region": [["N", "S", "E", "W"][i % 4] for i in range(n)]})
    app = Dash(__name__)
    app.layout = html.Div([
        dag.AgGrid(id="grid", rowData=df.to_dict("records"), columnDefs=[{"field": c} for c in df.columns],
                   dashGridOptions={"animateRows": False}, style={"height": 500}),
        html.Div(id="count"),
    ])

    @app.callback(Output("count", "children"), Input("grid", "virtualRowData"))
    def count(rows):
        return f"{len(rows or [])} rows"

    return app


def dbc_app() -> Dash:
    app = Dash(__name__)
    form = dbc.Form([
        dbc.Label("Email", html_for="email"), dbc.Input(id="email", type="email", placeholder="you@example.com"),
        dbc.Label("Name", html_for="name"), dbc.Input(id="name", type="text"),
        dbc.Select(id="plan", options=[{"label": p, "value": p} for p in ("free", "pro", "team")], value="free"),
        dbc.Checklist(id="opts", options=[{"label": o, "value": o} for o in ("news", "tips")], value=[]),
        dbc.Button("Save", id="save", color="primary"),
    ])
    app.layout = dbc.Container([
        dbc.Row([dbc.Col(form, width=6), dbc.Col(html.Div(id="saved"), width=6)]),
        dbc.Tabs([dbc.Tab(label=f"Tab {i}", tab_id=f"t{i}") for i in range(3)], id="tabs", active_tab="t0"),
        html.Div(id="tab-body"),
    ])

    @app.callback(Output("tab-body", "children"), Input("tabs", "active_tab"))
    def body(tab):
        return dbc.Card(dbc.CardBody([html.H4(f"Content of {tab}"), html.P("Some text.")]))

    @app.callback(Output("saved", "children"), Input("save", "n_clicks"), State("email", "value"),
                  prevent_initial_call=True)
    def save(_, email):
        return f"saved {email}"

    return app


if __name__ == "__main__":
    built = {"aggrid": aggrid_app, "dbc": dbc_app}[sys.argv[1]]()
    built.run(host="127.0.0.1", port=int(sys.argv[2]), debug=False)
