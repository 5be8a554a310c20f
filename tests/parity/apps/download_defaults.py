"""A Download's own `base64` and `type` props apply to data that lacks them: base64 text decoded on save; data's own
`base64` wins over the prop; a callback returning None to data saves nothing."""
import base64

from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("encoded", id="encoded"), html.Button("plain", id="plain"), html.Button("none", id="none"),
    dcc.Download(id="dl", base64=True, type="application/octet-stream"), html.Div(id="status"),
])


@callback(Output("dl", "data"), Output("status", "children"), Input("encoded", "n_clicks"),
          prevent_initial_call=True)
def encoded(n):
    log("encoded", n)
    return {"content": base64.b64encode(f"decoded {n}".encode()).decode(), "filename": "enc.txt"}, f"encoded {n}"


@callback(Output("dl", "data", allow_duplicate=True), Output("status", "children", allow_duplicate=True),
          Input("plain", "n_clicks"), prevent_initial_call=True)
def plain(n):
    log("plain", n)
    return {"content": f"as is {n}", "filename": "plain.txt", "base64": False}, f"plain {n}"


@callback(Output("dl", "data", allow_duplicate=True), Output("status", "children", allow_duplicate=True),
          Input("none", "n_clicks"), prevent_initial_call=True)
def nothing(n):
    log("none", n)
    return None, f"none {n}"


STEPS = [
    ("click", "encoded"),
    ("click", "plain"),
    ("click", "none"),
    ("click", "encoded"),
]
