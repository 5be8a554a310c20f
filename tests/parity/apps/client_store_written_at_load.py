"""A callback that writes a Store during page load stamps its modified_timestamp, which fires the callback
listening to it."""
from ._shim import Dash, Input, Output, State, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Input(id="name", value="initial"),
    dcc.Store(id="memo"),
    html.Div(id="stamped"),
])


@callback(Output("memo", "data"), Input("name", "value"))
def remember(name):
    log("remember", name)
    return {"name": name}


@callback(Output("stamped", "children"), Input("memo", "modified_timestamp"), State("memo", "data"))
def stamped(ts, data):
    log("stamped", ts is not None and ts > 0, data)
    return f"stamped={ts is not None and ts > 0} data={data}"


STEPS = [
    ("type", "name", "changed"),
]
