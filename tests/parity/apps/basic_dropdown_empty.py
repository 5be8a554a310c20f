"""An empty dcc.Dropdown without a placeholder shows nothing in Dash 4.4.1 (issue 11 item 10); after a choice
it shows the option's label, and clearing it empties it again."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([dcc.Dropdown(["Oslo", "Lima"], id="city"), html.Div(id="out")])


@callback(Output("out", "children"), Input("city", "value"))
def show(value):
    log("show", value)
    return f"city {value}"


STEPS = [
    ("select", "city", "Lima"),
    ("select", "city", None),
]
