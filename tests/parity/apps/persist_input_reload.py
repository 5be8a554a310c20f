"""A dcc.Input with persistence=True keeps what the user typed across a reload and in a new tab (local storage,
the default), and its initial callback sees the kept value; one without persistence starts again."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Input(id="kept", value="start", persistence=True),
    dcc.Input(id="plain", value="start"),
    html.Div(id="out"),
])


@callback(Output("out", "children"), Input("kept", "value"), Input("plain", "value"))
def show(kept, plain):
    log("show", kept, plain)
    return f"kept={kept} plain={plain}"


STEPS = [
    ("type", "kept", "typed"),
    ("type", "plain", "other"),
    ("reload",),
    ("type", "kept", "again"),
    ("new_tab",),
    ("type", "kept", "start"),
    ("reload",),
]
