"""dcc.Tabs' value as a callback Output (a button switches tabs), a Tab's label and children changed by a
callback, and a Tabs without value made by a callback (it picks its first Tab, and callbacks on it run)."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([
    html.Button("next", id="next"),
    html.Button("rename", id="rename"),
    html.Button("make", id="make"),
    dcc.Tabs(id="tabs", value="a", vertical=True, children=[
        dcc.Tab(label="A", value="a", id="ta", children=html.Div("content a", id="ca")),
        dcc.Tab(label="B", value="b", id="tb", children=html.Div("content b", id="cb")),
        dcc.Tab(label="C", value="c", id="tc", children=html.Div("content c", id="cc")),
    ]),
    html.Div(id="made"),
    html.Div(id="made-out"),
])


@callback(Output("tabs", "value"), Input("next", "n_clicks"), prevent_initial_call=True)
def next_tab(n):
    log("next_tab", n)
    return "abc"[n % 3]


@callback(Output("tb", "label"), Output("cb", "children"), Input("rename", "n_clicks"), prevent_initial_call=True)
def rename(n):
    log("rename", n)
    return f"B{n}", f"renamed {n}"


@callback(Output("made", "children"), Input("make", "n_clicks"), prevent_initial_call=True)
def make(n):
    log("make", n)
    return dcc.Tabs(id="new-tabs", children=[dcc.Tab(label="X", id="tx", value="x", children="ex"),
                                             dcc.Tab(label="Y", id="ty", children="why")])


@callback(Output("made-out", "children"), Input("new-tabs", "value"))
def made_out(value):
    log("made_out", value)
    return f"new tabs on {value}"


STEPS = [
    ("click", "next"),
    ("click", "rename"),
    ("click", "next"),
    ("click", "tb"),
    ("click", "make"),
    ("click", "ty"),
    ("click", "tx"),
]
