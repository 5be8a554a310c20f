"""Two dropdowns' options depend on their own value and a shared div; each runs once at load."""
from ._shim import Dash, Input, Output, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([html.Div("id", id="session-id"), dcc.Dropdown(id="dropdown-1"), dcc.Dropdown(id="dropdown-2"),
                       html.Div(id="output")])

OPTIONS = [{"value": "a", "label": "a"}]


@app.callback(Output("dropdown-1", "options"), [Input("dropdown-1", "value"), Input("session-id", "children")])
def dropdown_1(value, session_id):
    log("dropdown_1", value, session_id)
    return OPTIONS


@app.callback(Output("dropdown-2", "options"), Input("dropdown-2", "value"), Input("session-id", "children"))
def dropdown_2(value, session_id):
    log("dropdown_2", value, session_id)
    return OPTIONS


@app.callback(Output("output", "children"), Input("dropdown-1", "value"), Input("dropdown-2", "value"))
def set_output(v1, v2):
    log("set_output", v1, v2)
    return (v1 or "b") + (v2 or "b")


STEPS = [("select", "dropdown-1", "a")]
