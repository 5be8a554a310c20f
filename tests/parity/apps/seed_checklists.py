"""Seed "Synchronizing components on the same page" (checklists): "All" checks every city, unchecking it clears
them; checking every city by hand checks "All", unchecking one clears it."""
from ._shim import Dash, Input, Output, callback, callback_context, dcc, html, log

app = Dash(__name__)
options = ["New York City", "Montréal", "San Francisco"]
app.layout = html.Div([
    dcc.Checklist(["All"], [], id="all-checklist", inline=True),
    dcc.Checklist(options, [], id="city-checklist", inline=True),
])


@callback(Output("city-checklist", "value"), Output("all-checklist", "value"),
          Input("city-checklist", "value"), Input("all-checklist", "value"))
def sync_checklists(cities_selected, all_selected):
    ctx = callback_context
    input_id = ctx.triggered[0]["prop_id"].split(".")[0]
    log("sync_checklists", cities_selected, all_selected, input_id)
    if input_id == "city-checklist":
        all_selected = ["All"] if set(cities_selected) == set(options) else []
    else:
        cities_selected = options if all_selected else []
    return cities_selected, all_selected


STEPS = [
    ("check", "all-checklist", "All"),
    ("check", "city-checklist", "Montréal"),
    ("check", "city-checklist", "Montréal"),
    ("check", "all-checklist", "All"),
    ("check", "city-checklist", "New York City"),
]
