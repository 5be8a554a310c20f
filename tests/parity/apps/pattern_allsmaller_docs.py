"""Dash's docs "Simple Example with ALLSMALLER": each "Add Filter" click appends a country Dropdown (preset to
the next country) with its own output; each output lists its country and those of every earlier dropdown, so
changing dropdown k re-runs every later instance (issue 11 items 3 and 4)."""
from ._shim import ALLSMALLER, MATCH, Dash, Input, Output, Patch, State, callback, dcc, html, log

COUNTRIES = ["Canada", "France", "Japan", "Kenya", "Peru", "Chile"]

app = Dash(__name__)
app.layout = html.Div([
    html.Button("Add Filter", id="add-country", n_clicks=0),
    html.Div(id="country-rows", children=[]),
])


@callback(Output("country-rows", "children"), Input("add-country", "n_clicks"))
def add_country(n_clicks):
    log("add_country", n_clicks)
    rows = Patch()
    rows.append(html.Div([
        dcc.Dropdown(COUNTRIES, COUNTRIES[n_clicks], id={"type": "country", "index": n_clicks}),
        html.Div(id={"type": "so-far", "index": n_clicks}),
    ]))
    return rows


@callback(Output({"type": "so-far", "index": MATCH}, "children"),
          Input({"type": "country", "index": MATCH}, "value"),
          Input({"type": "country", "index": ALLSMALLER}, "value"),
          State({"type": "country", "index": MATCH}, "id"))
def so_far(country, earlier, own):
    log(f"so_far {own['index']}", country, earlier)  # one log per instance: Dash's order among them varies
    chosen = [country, *earlier]
    return f"{len(chosen)} chosen: " + ", ".join(sorted(c or "-" for c in chosen))


STEPS = [
    ("click", "add-country"),
    ("click", "add-country"),
    ("select", {"type": "country", "index": 0}, "Peru"),
    ("select", {"type": "country", "index": 1}, "Chile"),
    ("click", "add-country"),
]
