"""dbc.Tabs whose active_tab is a callback Input driving the content below (a dbc.Alert).

The tab links fill their nav items (label_style): a click on a Tab's id (its nav item) lands on the link, with no
Bootstrap stylesheet on the page (the runner reaches 127.0.0.1 only)."""
import dash_bootstrap_components as dbc

from ._shim import Dash, Input, Output, html, log

BLOCK = {"display": "block"}
app = Dash(__name__)
app.layout = html.Div([
    dbc.Tabs([
        dbc.Tab(label="Scatter", tab_id="scatter", id="tab-scatter", label_style=BLOCK),
        dbc.Tab(label="Histogram", tab_id="hist", id="tab-hist", label_style=BLOCK),
        dbc.Tab(html.P("inside the table tab", id="in-tab"), label="Table", tab_id="table", id="tab-table", label_style=BLOCK),
    ], id="tabs", active_tab="scatter"),
    html.Div(id="tab-content"),
])


@app.callback(Output("tab-content", "children"), Input("tabs", "active_tab"))
def render(active):
    log("render", active)
    return dbc.Alert(f"showing {active}", id="alert", color="info")


STEPS = [
    ("click", "tab-hist"),
    ("click", "tab-table"),
    ("click", "tab-scatter"),
]
