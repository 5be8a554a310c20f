"""Dash's docs "Simple Example with ALL": each "Add Filter" click appends a Dropdown with no value yet; a div
lists every dropdown's value, None for the new one (issue 11 items 1 and 3).

At load Dash calls display_output twice, with [] (it does not wait for the dropdown display_dropdowns adds) and
with [None]; its two requests race, so Dash's log may list them in either order."""
from ._shim import ALL, Dash, Input, Output, Patch, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Add Filter", id="add-filter-btn", n_clicks=0),
    html.Div(id="dropdown-container-div", children=[]),
    html.Div(id="dropdown-container-output-div"),
])


@callback(Output("dropdown-container-div", "children"), Input("add-filter-btn", "n_clicks"))
def display_dropdowns(n_clicks):
    log("display_dropdowns", n_clicks)
    patched_children = Patch()
    new_dropdown = dcc.Dropdown(["NYC", "MTL", "LA", "TOKYO"], id={"type": "city-filter-dropdown", "index": n_clicks})
    patched_children.append(new_dropdown)
    return patched_children


@callback(Output("dropdown-container-output-div", "children"),
          Input({"type": "city-filter-dropdown", "index": ALL}, "value"))
def display_output(values):
    log("display_output", values)
    return html.Div([html.Div(f"Dropdown {i + 1} = {value}") for (i, value) in enumerate(values)])


STEPS = [
    ("click", "add-filter-btn"),
    ("click", "add-filter-btn"),
    ("select", {"type": "city-filter-dropdown", "index": 1}, "LA"),
    ("click", "add-filter-btn"),
]
