"""dcc.Tabs driven by `value`: a callback renders the content; the Tabs have no value, so Dash gives the first
Tab's (a Tab without value is "tab-<n>") and clicks on the tab headers set it; a disabled tab takes no click."""
from ._shim import Dash, Input, Output, State, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Tabs(id="tabs", children=[
        dcc.Tab(label="One", id="t1"),
        dcc.Tab(label="Two", id="t2", value="second"),
        dcc.Tab(label=html.B("Three", id="bold"), id="t3"),
        dcc.Tab(label="Off", id="t4", disabled=True),
    ]),
    html.Div(id="out"),
])


@callback(Output("out", "children"), Input("tabs", "value"), State("tabs", "vertical"))
def render(value, vertical):
    log("render", value, vertical)
    return f"showing {value}"


STEPS = [
    ("click", "t2"),
    ("click", "t3"),
    ("click", "t4"),
    ("click", "t3"),
    ("click", "t1"),
]
