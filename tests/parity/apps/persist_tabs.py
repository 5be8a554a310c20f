"""dcc.Tabs with persistence=True keeps the tab the user picked across a reload and in a new tab (local storage,
the default), and the callback on its value sees the kept tab at load; Tabs without persistence start again, and
session persistence is lost in a new tab."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Tabs(id="kept", value="a", persistence=True, children=[
        dcc.Tab(label="A", value="a", id="ka", children=html.P("content a")),
        dcc.Tab(label="B", value="b", id="kb", children=html.P("content b")),
        dcc.Tab(label="C", value="c", id="kc", children=html.P("content c")),
    ]),
    dcc.Tabs(id="plain", value="a", children=[
        dcc.Tab(label="A", value="a", id="pa"),
        dcc.Tab(label="B", value="b", id="pb"),
    ]),
    dcc.Tabs(id="session", persistence=True, persistence_type="session", children=[
        dcc.Tab(label="One", id="s1"),
        dcc.Tab(label="Two", id="s2"),
    ]),
    html.Div(id="out"),
])


@callback(Output("out", "children"), Input("kept", "value"), Input("plain", "value"), Input("session", "value"))
def show(kept, plain, session):
    log("show", kept, plain, session)
    return f"kept={kept} plain={plain} session={session}"


STEPS = [
    ("click", "kb"),
    ("click", "pb"),
    ("click", "s2"),
    ("reload",),
    ("click", "kc"),
    ("new_tab",),
    ("click", "ka"),
    ("reload",),
]
