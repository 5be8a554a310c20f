"""A new tab of the same browser: a dcc.Store(storage_type="local") comes back there with its data and its
modified_timestamp (the one it had in the first tab), a session one does not (a new tab's sessionStorage is
empty), nor a memory one."""
from ._shim import Dash, Input, Output, PreventUpdate, State, callback, dcc, html, log

SEEN: dict[str, int] = {}  # the last modified_timestamp each store showed, in whichever tab

app = Dash(__name__)
app.layout = html.Div([
    dcc.Store(id="local", storage_type="local"),
    dcc.Store(id="session", storage_type="session"),
    dcc.Store(id="memory"),
    html.Button("local", id="local-button"),
    html.Button("session", id="session-button"),
    html.Button("memory", id="memory-button"),
    html.Div(id="local-shown"),
    html.Div(id="session-shown"),
    html.Div(id="memory-shown"),
])

for kind in ("local", "session", "memory"):
    @callback(Output(kind, "data"), Input(f"{kind}-button", "n_clicks"), State(kind, "data"),
              prevent_initial_call=True)
    def on_click(n_clicks, data, kind=kind):
        log(f"click-{kind}", n_clicks, data)
        return {"clicks": (data or {"clicks": 0})["clicks"] + 1}

    @callback(Output(f"{kind}-shown", "children"), Input(kind, "modified_timestamp"), State(kind, "data"))
    def on_data(ts, data, kind=kind):
        # The timestamp differs run to run: log whether there is one and whether it is the one seen before.
        same = ts is not None and SEEN.get(kind) == ts
        log(f"show-{kind}", ts is not None, same, data)
        if ts is None:
            raise PreventUpdate
        SEEN[kind] = ts
        return f"{data} {'kept' if same else 'new'}"


STEPS = [
    ("click", "local-button"),
    ("click", "local-button"),
    ("click", "session-button"),
    ("click", "memory-button"),
    ("new_tab",),
    ("click", "session-button"),
    ("new_tab",),
]
