"""With multiple=True, contents, filename and last_modified are lists, one entry per file, in the order picked."""
import base64

from ._shim import Dash, Input, Output, State, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Upload(html.Button("Upload files"), id="up", multiple=True),
    html.Ul(id="out"),
])


@callback(Output("out", "children"), Input("up", "contents"), State("up", "filename"),
          State("up", "last_modified"), prevent_initial_call=True)
def show(contents, filenames, stamps):
    log("show", contents, filenames, [type(s).__name__ for s in stamps])
    return [html.Li(f"{name}: {base64.b64decode(c.partition(',')[2]).decode()}") for name, c in zip(filenames, contents)]


STEPS = [
    ("upload", "up", [["a.txt", "first"], ["b.json", "{\"x\": 1}"], ["c.md", "# third"]]),
    ("upload", "up", [["only.txt", "one"]]),
]
