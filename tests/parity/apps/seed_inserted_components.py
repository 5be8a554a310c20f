"""Seed "Dash app with chained callbacks / inserted components": the page callback inserts an Input and a div;
the prevent_initial_call callbacks on the inserted input do not run on insertion, only when the user types."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([
    dcc.Location(id="url"),
    html.Div(id="layout-div"),
    html.Div(id="content"),
])


@callback(Output("content", "children"), Input("url", "pathname"))
def display_page(pathname):
    log("display_page", pathname)
    return html.Div([dcc.Input(id="input", value="hello world"), html.Div(id="output")])


@callback(Output("output", "children"), Input("input", "value"), prevent_initial_call=True)
def update_output(value):
    log("update_output", value)
    return value


@callback(Output("layout-div", "children"), Input("input", "value"), prevent_initial_call=True)
def update_layout_div(value):
    log("update_layout_div", value)
    return value


STEPS = [
    ("type", "input", "typed"),
    ("navigate", "/other"),           # the page callback inserts a fresh input (value "hello world" again)
    ("type", "input", "again"),
]
