"""A persisted component inserted by a callback takes its kept value before the callbacks of the new content
run: their initial call sees the kept value, as at a page load."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([
    dcc.RadioItems(["one", "two"], "one", id="tab"),
    html.Div(id="content"),
])


@callback(Output("content", "children"), Input("tab", "value"))
def draw(tab):
    log("draw", tab)
    if tab == "two":
        return html.P("nothing here", id="empty")
    return html.Div([dcc.Input(id="kept", value="start", persistence=True), html.Div(id="echo")])


@callback(Output("echo", "children"), Input("kept", "value"))
def echo(value):
    log("echo", value)
    return f"echo {value}"


STEPS = [
    ("type", "kept", "typed"),
    ("select", "tab", "two"),
    ("select", "tab", "one"),
    ("reload",),
]
