"""Components a callback inserts (a tab's content drawn again) take their kept edits, memory ones too (kept
for the page's life); a component with persisted_props=[] keeps nothing."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.RadioItems(["one", "two"], "one", id="tab"),
    html.Div(id="content"),
    html.Div(id="out"),
])


@callback(Output("content", "children"), Input("tab", "value"))
def draw(tab):
    log("draw", tab)
    if tab == "two":
        return html.P("nothing here", id="empty")
    return html.Div([
        dcc.Input(id="kept", value="start", persistence=True, persistence_type="memory"),
        dcc.Input(id="none", value="start", persistence=True, persisted_props=[]),
        dcc.Checklist(["a", "b"], [], id="picks", persistence=True),
    ])


STEPS = [
    ("type", "kept", "typed"),
    ("type", "none", "typed"),
    ("check", "picks", "b"),
    ("select", "tab", "two"),
    ("select", "tab", "one"),
    ("reload",),
]
