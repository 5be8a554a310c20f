"""Dash's Store docs example: clicks counted in a memory, a local and a session store, shown by callbacks
on modified_timestamp; after a reload the local and session counts come back, the memory one does not."""
from ._shim import Dash, Input, Output, PreventUpdate, State, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Store(id="memory"),
    dcc.Store(id="local", storage_type="local"),
    dcc.Store(id="session", storage_type="session"),
    html.Button("memory", id="memory-button"),
    html.Button("localStorage", id="local-button"),
    html.Button("sessionStorage", id="session-button"),
    html.Div(0, id="memory-clicks"),
    html.Div(0, id="local-clicks"),
    html.Div(0, id="session-clicks"),
])

for kind in ("memory", "local", "session"):
    @callback(Output(kind, "data"), Input(f"{kind}-button", "n_clicks"), State(kind, "data"))
    def on_click(n_clicks, data, kind=kind):
        log(f"click-{kind}", n_clicks, data)
        if n_clicks is None:
            raise PreventUpdate
        data = data or {"clicks": 0}
        data["clicks"] = data["clicks"] + 1
        return data

    @callback(Output(f"{kind}-clicks", "children"), Input(kind, "modified_timestamp"), State(kind, "data"))
    def on_data(ts, data, kind=kind):
        # the timestamp itself differs run to run: log whether there is one
        log(f"show-{kind}", ts is not None and ts > 0, data)
        if ts is None:
            raise PreventUpdate
        data = data or {}
        return data.get("clicks", 0)


STEPS = [
    ("click", "memory-button"),
    ("click", "local-button"),
    ("click", "session-button"),
    ("click", "session-button"),
    ("click", "session-button"),
    ("reload",),
    ("click", "local-button"),
    ("reload",),
]
