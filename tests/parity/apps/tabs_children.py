"""dcc.Tabs with each Tab's content as its children: only the selected Tab's children are shown; a callback
output inside a hidden tab still runs, and shows once its tab is picked."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Tabs(id="tabs", value="b", children=[
        dcc.Tab(label="Alpha", value="a", id="ta", children=[html.Div("alpha body", id="body-a")]),
        dcc.Tab(label="Beta", value="b", id="tb", children=[
            html.Button("more", id="btn"), html.Div(id="count")]),
        dcc.Tab(label="Gamma", value="c", id="tc", children="plain gamma"),
    ]),
    html.Div(id="which"),
])


@callback(Output("count", "children"), Input("btn", "n_clicks"))
def count(n):
    log("count", n)
    return f"clicked {n}"


@callback(Output("which", "children"), Input("tabs", "value"))
def which(value):
    log("which", value)
    return value


STEPS = [
    ("click", "btn"),
    ("click", "ta"),
    ("click", "tc"),
    ("click", "tb"),
    ("click", "btn"),
]
