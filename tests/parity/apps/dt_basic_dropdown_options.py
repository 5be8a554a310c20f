"""A callback fills a Dropdown's options (a list of objects); another reads them back as an Input; picking works."""
from ._shim import Dash, Input, Output, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([html.Button("more", id="btn"), dcc.Dropdown(id="dd"), html.Div(id="out"),
                       html.Div(id="picked")])


@app.callback(Output("dd", "options"), Input("btn", "n_clicks"))
def set_options(n):
    log("set_options", n)
    return [{"label": f"opt{i}", "value": i} for i in range(n or 0)]


@app.callback(Output("out", "children"), Input("dd", "options"))
def count_options(opts):
    log("count_options", opts)
    return len(opts)


@app.callback(Output("picked", "children"), Input("dd", "value"))
def show_pick(value):
    log("show_pick", value)
    return f"picked {value}"


STEPS = [
    ("click", "btn"),
    ("select", "dd", 0),
    ("click", "btn"),
    ("click", "btn"),
    ("select", "dd", 2),
]
