"""Dash's "dynamic options" Dropdown: a callback on `search_value` loads the options matching what the user types
(keeping the chosen one); picking one unsets `search_value` again."""
from ._shim import Dash, Input, Output, PreventUpdate, State, callback, dcc, html, log

CITIES = [{"label": name, "value": name[:3].lower()} for name in ["Montreal", "Madrid", "Paris", "Moscow", "Oslo"]]

app = Dash(__name__)
app.layout = html.Div([
    dcc.Dropdown(id="city"),
    html.Div(id="chosen"),
])


@callback(Output("city", "options"), Input("city", "search_value"), State("city", "value"))
def load(search, value):
    log("load", search, value)
    if not search:
        raise PreventUpdate
    return [o for o in CITIES if search in o["label"] or o["value"] == value]


@callback(Output("chosen", "children"), Input("city", "value"))
def show(value):
    log("show", value)
    return f"chosen: {value}"


STEPS = [
    ("search", "city", "M"),
    ("search", "city", "Mo"),
    ("select", "city", "mos"),
    ("search", "city", "o"),
]
