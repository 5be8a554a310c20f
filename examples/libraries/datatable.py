"""dash_table.DataTable: 95 rows paged ten at a time, editable quantities, and a total that follows every edit.
`from propwire import dash_table` gives Dash's own DataTable (docs/libraries.md), so the same source runs on Dash
with `from dash import dash_table`."""

from propwire import Dash, Input, Output, callback, dash_table, html

FRUITS = ["apple", "banana", "cherry", "damson", "elderberry"]
ROWS = [{"item": f"{FRUITS[i % len(FRUITS)]} #{i + 1}", "quantity": (i * 3) % 10 + 1, "price": round(0.5 + (i % 7) * 0.25, 2)}
        for i in range(95)]

app = Dash(__name__, title="DataTable demo")
app.layout = html.Div([
    html.H1("DataTable"),
    html.P("Ten rows a page; click a quantity, type a number and press Enter."),
    dash_table.DataTable(
        id="table",
        columns=[{"name": "Item", "id": "item", "editable": False},
                 {"name": "Quantity", "id": "quantity", "type": "numeric", "editable": True},
                 {"name": "Price", "id": "price", "type": "numeric", "editable": False}],
        data=ROWS,
        page_size=10,
        page_action="native",
        sort_action="native",
        style_cell={"fontFamily": "sans-serif", "padding": "4px 8px"},
        style_cell_conditional=[{"if": {"column_id": "item"}, "textAlign": "left"}],
    ),
    html.P(id="total"),
    html.P(id="page"),
], style={"fontFamily": "sans-serif", "maxWidth": 700, "margin": "0 auto"})


@callback(Output("total", "children"), Input("table", "data"))
def total(rows):
    """`data` is the whole table after each edit (a typed cell arrives as text: numbers are parsed here)."""
    quantity = sum(_number(r.get("quantity")) for r in rows)
    value = sum(_number(r.get("quantity")) * r["price"] for r in rows)
    return f"Total: {quantity:g} items, worth {value:,.2f}"


@callback(Output("page", "children"), Input("table", "page_current"))
def page(page_current):
    return f"Page {(page_current or 0) + 1} of {(len(ROWS) + 9) // 10}"


def _number(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


if __name__ == "__main__":
    app.run(debug=True)
