"""Stores with data in the layout: a memory store stamps modified_timestamp when it mounts, and returning
the same data again does not stamp it (callbacks on modified_timestamp fire only for a real change)."""
from ._shim import Dash, Input, Output, State, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Store(id="mem", data={"n": 0}),
    html.Button("same", id="same"),
    html.Button("next", id="next"),
    html.Div(id="shown"),
])


@callback(Output("mem", "data"), Input("same", "n_clicks"), State("mem", "data"), prevent_initial_call=True)
def same(n, data):
    log("same", n, data)
    return dict(data)


@callback(Output("mem", "data", allow_duplicate=True), Input("next", "n_clicks"), State("mem", "data"),
          prevent_initial_call=True)
def bump(n, data):
    log("bump", n, data)
    return {"n": data["n"] + 1}


@callback(Output("shown", "children"), Input("mem", "modified_timestamp"), State("mem", "data"))
def shown(ts, data):
    log("shown", ts is not None and ts > 0, data)
    return f"{ts is not None and ts > 0} {data}"


STEPS = [
    ("click", "same"),
    ("click", "next"),
    ("click", "same"),
]
