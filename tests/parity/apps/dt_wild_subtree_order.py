"""Writing options into two of three pattern Dropdowns keeps the ALL list in layout order."""
from ._shim import ALL, Dash, Input, Output, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("refresh options", id="refresh-options"),
    html.Div([dcc.Dropdown(id={"type": "demo-options", "index": i}, placeholder=f"dropdown-{i}") for i in range(2)]
             + [dcc.Dropdown(id={"type": "demo-options", "index": 2}, options=[f"option2-{i}" for i in range(3)],
                             placeholder="dropdown-2")], id="dropdown-container"),
    html.Pre(id="selected-values"),
])


@app.callback([Output({"type": "demo-options", "index": 0}, "options"), Output({"type": "demo-options", "index": 1}, "options")],
              Input("refresh-options", "n_clicks"), prevent_initial_call=True)
def refresh_options(n):
    log("refresh_options", n)
    return [f"option0-{i}" for i in range(3)], [f"option1-{i}" for i in range(3)]


@app.callback(Output("selected-values", "children"), Input({"type": "demo-options", "index": ALL}, "value"))
def update_selected_values(values):
    log("update_selected_values", values)
    return str(values)


STEPS = [("select", {"type": "demo-options", "index": 2}, "option2-2"), ("click", "refresh-options"),
         ("select", {"type": "demo-options", "index": 1}, "option1-2"),
         ("select", {"type": "demo-options", "index": 0}, "option0-2")]
