"""The DataTable app the headless and browser DataTable tests drive (95 rows, 10 a page, editable, selectable)."""

from __future__ import annotations

import json
from typing import Any

from propwire import Dash, Input, Output, dash_table, html

ROWS = 95


def rows() -> list[dict[str, Any]]:
    return [{"id": i, "name": f"item {i:02d}", "qty": (i * 7) % 10, "price": 100 - i} for i in range(ROWS)]


def make_app() -> Dash:
    app = Dash(__name__)
    app.layout = html.Div([
        dash_table.DataTable(
            id="t", data=rows(), page_size=10, page_current=0, editable=True, row_selectable="multi",
            sort_action="native", filter_action="native",
            columns=[{"id": "name", "name": "Name", "editable": False}, {"id": "qty", "name": "Qty", "type": "numeric"},
                     {"id": "price", "name": "Price", "type": "numeric"}]),
        html.Div(id="page"), html.Div(id="sum"), html.Div(id="active"), html.Div(id="selected"),
        html.Div(id="shown"),
    ])

    @app.callback(Output("page", "children"), Input("t", "page_current"))
    def page(current):
        return f"page {current}"

    @app.callback(Output("sum", "children"), Input("t", "data_timestamp"), Input("t", "data"))
    def total(stamp, data):
        return f"sum {sum(r['qty'] for r in data)} edited {stamp is not None}"

    @app.callback(Output("active", "children"), Input("t", "active_cell"))
    def active(cell):
        return json.dumps(cell, sort_keys=True)

    @app.callback(Output("selected", "children"), Input("t", "selected_rows"), Input("t", "selected_row_ids"))
    def selected(rows_, ids):
        return f"rows {rows_} ids {ids}"

    @app.callback(Output("shown", "children"), Input("t", "derived_viewport_row_ids"))
    def shown(ids):
        return " ".join(map(str, ids or []))

    return app
