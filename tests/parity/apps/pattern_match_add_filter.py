"""Dash's docs "Simple Example with MATCH": each "Add Filter" click appends a Dropdown and its own output div;
the new pair's MATCH callback gets its first call with value None (issue 11 items 1 and 3)."""
from ._shim import MATCH, Dash, Input, Output, Patch, State, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Add Filter", id="dynamic-add-filter-btn", n_clicks=0),
    html.Div(id="dynamic-dropdown-container-div", children=[]),
])


@callback(Output("dynamic-dropdown-container-div", "children"), Input("dynamic-add-filter-btn", "n_clicks"))
def display_dropdowns(n_clicks):
    log("display_dropdowns", n_clicks)
    patched_children = Patch()
    new_element = html.Div([
        dcc.Dropdown(["NYC", "MTL", "LA", "TOKYO"], id={"type": "city-dynamic-dropdown", "index": n_clicks}),
        html.Div(id={"type": "city-dynamic-output", "index": n_clicks}),
    ])
    patched_children.append(new_element)
    return patched_children


@callback(Output({"type": "city-dynamic-output", "index": MATCH}, "children"),
          Input({"type": "city-dynamic-dropdown", "index": MATCH}, "value"),
          State({"type": "city-dynamic-dropdown", "index": MATCH}, "id"))
def display_output(value, id):
    log(f"display_output {id['index']}", value, id)  # one log per instance: Dash's order among them varies
    return html.Div(f"Dropdown {id['index']} = {value}")


STEPS = [
    ("click", "dynamic-add-filter-btn"),
    ("click", "dynamic-add-filter-btn"),
    ("select", {"type": "city-dynamic-dropdown", "index": 1}, "MTL"),
    ("click", "dynamic-add-filter-btn"),
]
