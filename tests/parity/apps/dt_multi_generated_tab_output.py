"""A RadioItems swaps in a different output div; only the callback whose output is now present runs."""
from ._shim import Dash, Input, Output, dcc, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([
    dcc.Dropdown(id="outer-controls", options=[{"label": i, "value": i} for i in ["a", "b"]], value="a"),
    dcc.RadioItems(options=[{"label": "Tab 1", "value": 1}, {"label": "Tab 2", "value": 2}], value=1, id="tabs"),
    html.Div(id="tab-output"),
])


@app.callback(Output("tab-output", "children"), Input("tabs", "value"))
def display_content(value):
    log("display_content", value)
    return html.Div([html.Div(id=f"tab-{value}-output")])


@app.callback(Output("tab-1-output", "children"), Input("outer-controls", "value"))
def display_tab1_output(value):
    log("display_tab1_output", value)
    return f'Selected "{value}" in tab 1'


@app.callback(Output("tab-2-output", "children"), Input("outer-controls", "value"))
def display_tab2_output(value):
    log("display_tab2_output", value)
    return f'Selected "{value}" in tab 2'


STEPS = [("select", "tabs", 2), ("select", "outer-controls", "b"), ("select", "tabs", 1)]
