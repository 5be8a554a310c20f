"""An ALL list keeps layout order after some of its components get new props (as Dash's test_cbwc007): refreshing
two dropdowns' options, then picking values in them, lists the values in page order (items 2 and 21)."""
from ._shim import ALL, Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("refresh options", id="refresh"),
    html.Div([
        dcc.Dropdown(id={"kind": "pick", "n": 0}, placeholder="pick 0"),
        dcc.Dropdown(id={"kind": "pick", "n": 1}, placeholder="pick 1"),
        dcc.Dropdown([f"c{i}" for i in range(3)], id={"kind": "pick", "n": 2}, placeholder="pick 2"),
    ], id="picks"),
    html.Pre(id="chosen"),
])


@callback(Output({"kind": "pick", "n": 0}, "options"), Output({"kind": "pick", "n": 1}, "options"),
          Input("refresh", "n_clicks"), prevent_initial_call=True)
def refresh(n):
    log("refresh", n)
    return [f"a{i}" for i in range(3)], [f"b{i}" for i in range(3)]


@callback(Output("chosen", "children"), Input({"kind": "pick", "n": ALL}, "value"))
def chosen(values):
    log("chosen", values)
    return repr(values)


STEPS = [
    ("select", {"kind": "pick", "n": 2}, "c2"),
    ("click", "refresh"),
    ("select", {"kind": "pick", "n": 1}, "b2"),
    ("select", {"kind": "pick", "n": 0}, "a1"),
]
