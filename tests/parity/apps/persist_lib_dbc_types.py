"""dbc.Input persistence types: session is kept by a reload but not by a new tab, memory only while the page lives
(a dbc.Input a callback draws again takes its kept memory value back), local by both."""
import dash_bootstrap_components as dbc

from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dbc.Input(id="local", value="a", persistence=True),
    dbc.Input(id="session", value="a", persistence="s", persistence_type="session"),
    dcc.RadioItems(["one", "two"], "one", id="tab"),
    html.Div(id="content"),
    html.Div(id="out"),
])


@callback(Output("content", "children"), Input("tab", "value"))
def draw(tab):
    log("draw", tab)
    if tab == "two":
        return html.P("nothing here", id="empty")
    return dbc.Input(id="memory", value="a", persistence=True, persistence_type="memory")


@callback(Output("out", "children"), Input("local", "value"), Input("session", "value"))
def show(local, session):
    log("show", local, session)
    return f"local={local} session={session}"


STEPS = [
    ("type", "local", "L"),
    ("type", "session", "S"),
    ("type", "memory", "M"),
    ("select", "tab", "two"),
    ("select", "tab", "one"),
    ("reload",),
    ("new_tab",),
]
