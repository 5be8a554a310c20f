"""dash-ag-grid: 10,000 rows from a pandas DataFrame, sortable and filterable from the headers, row selection
feeding a summary, a clicked cell shown, and buttons whose callback replaces the grid's `rowData`. The same
source runs on Dash (only the imports differ)."""

import dash_ag_grid as dag
import pandas as pd

from propwire import Dash, Input, Output, callback, ctx, html

CITIES = ["Paris", "Tokyo", "Nairobi", "Oslo", "Lima"]
PRODUCTS = ["tea", "coffee", "cocoa", "juice"]


def orders(n: int = 10_000) -> pd.DataFrame:
    """n made-up orders, the same on every run (no randomness: the demo's tests read exact values)."""
    i = pd.RangeIndex(n)
    return pd.DataFrame({
        "order": i + 1,
        "city": [CITIES[k % len(CITIES)] for k in i],
        "product": [PRODUCTS[(k // 5) % len(PRODUCTS)] for k in i],
        "quantity": (i * 7) % 13 + 1,
        "price": ((i * 37) % 200 + 50) / 10,
    })


DF = orders()

app = Dash(__name__, title="AG Grid demo")
app.layout = html.Div([
    html.H1("dash-ag-grid"),
    html.P("Click a header to sort, type under it to filter, tick rows to select them."),
    html.Div([
        html.Button("Paris only", id="paris-only", style={"marginRight": "0.5em"}),
        html.Button("All cities", id="all-cities"),
        html.Span(f"{len(DF):,} rows", id="row-count", style={"marginLeft": "1em"}),
    ]),
    dag.AgGrid(
        id="grid",
        rowData=DF.to_dict("records"),
        columnDefs=[{"field": "order", "filter": "agNumberColumnFilter"}, {"field": "city"}, {"field": "product"},
                    {"field": "quantity", "filter": "agNumberColumnFilter"},
                    {"field": "price", "filter": "agNumberColumnFilter"}],
        defaultColDef={"sortable": True, "filter": True, "floatingFilter": True, "resizable": True, "flex": 1},
        dashGridOptions={"rowSelection": {"mode": "multiRow"}, "animateRows": False},
        style={"height": 420, "marginTop": "0.5em"},
    ),
    html.P(id="selection"),
    html.P(id="clicked"),
], style={"fontFamily": "sans-serif", "maxWidth": 900, "margin": "0 auto"})


@callback(Output("selection", "children"), Input("grid", "selectedRows"))
def summary(rows):
    """selectedRows holds the selected rows' dicts, as the grid sends them."""
    if not rows:
        return "No rows selected."
    total = sum(r["quantity"] * r["price"] for r in rows)
    return f"{len(rows)} selected, {sum(r['quantity'] for r in rows)} items, worth {total:,.2f}"


@callback(Output("clicked", "children"), Input("grid", "cellClicked"), prevent_initial_call=True)
def clicked(cell):
    return f"Clicked {cell['colId']} = {cell['value']}" if cell else ""


@callback(Output("grid", "rowData"), Output("row-count", "children"),
          Input("paris-only", "n_clicks"), Input("all-cities", "n_clicks"), prevent_initial_call=True)
def replace_rows(_paris, _all):
    """A callback replacing rowData: the grid shows the new rows."""
    df = DF[DF.city == "Paris"] if ctx.triggered_id == "paris-only" else DF
    return df.to_dict("records"), f"{len(df):,} rows"


if __name__ == "__main__":
    app.run(debug=True)
