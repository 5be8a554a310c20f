"""dcc.Clipboard: a click counts n_clicks (no timestamp), a callback on it sets the content to copy, and a
second Clipboard copies a target's text; the icons show no text."""
from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Clipboard(id="copy", title="Copy the code"),
    html.Pre("print('hi')", id="code"),
    dcc.Clipboard(id="copy-code", target_id="code"),
    html.Div(id="out"),
])


@callback(Output("copy", "content"), Output("out", "children"), Input("copy", "n_clicks"),
          Input("copy-code", "n_clicks"))
def clicked(n, n_code):
    log("clicked", n, n_code)
    return f"copied {n} times", f"{n} {n_code}"


STEPS = [
    ("click", "copy"),
    ("click", "copy-code"),
    ("click", "copy"),
]
