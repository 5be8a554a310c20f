"""A button writes dcc.Location.pathname; callbacks on the pathname (and on a store it feeds) follow each change."""
import json

from ._shim import Dash, Input, Output, PreventUpdate, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Location(id="loc", refresh=False),
    html.Button("Update path", id="btn"),
    dcc.Store(id="t"),
    html.Div(id="out"),
])


@app.callback(Output("t", "data"), Input("loc", "pathname"))
def set_data(path):
    log("set_data", path)
    return [{"a": (path or repr(path)) + ":a"}]


@app.callback(Output("out", "children"), Input("loc", "pathname"), Input("t", "data"))
def set_out(path, data):
    log("set_out", path, data)
    return json.dumps(data) + " - " + (path or repr(path))


@app.callback(Output("loc", "pathname"), Input("btn", "n_clicks"))
def set_path(n):
    log("set_path", n)
    if not n:
        raise PreventUpdate
    return f"/{n}"


STEPS = [("click", "btn"), ("click", "btn")]
