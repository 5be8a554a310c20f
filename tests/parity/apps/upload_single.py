"""A file picked into an Upload reaches the callback as a base64 data: URL with its name; props the layout did
not set (max_size, multiple) read as None; picking another file replaces the first."""
import base64

from ._shim import Dash, Input, Output, State, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Upload(html.Div(["Drag and drop or ", html.A("select a file")]), id="up",
               style={"width": "300px", "borderStyle": "dashed"}),
    html.Div(id="out"),
])


@callback(Output("out", "children"), Input("up", "contents"), State("up", "filename"),
          State("up", "last_modified"), State("up", "max_size"), State("up", "multiple"))
def show(contents, filename, stamp, max_size, multiple):
    log("show", contents, filename, type(stamp).__name__, max_size, multiple)
    if contents is None:
        return "nothing yet"
    head, _, body = contents.partition(",")
    return f"{filename} ({head}): {base64.b64decode(body).decode()}"


STEPS = [
    ("upload", "up", [["notes.txt", "hello, files"]]),
    ("upload", "up", [["table.csv", "a,b\n1,2\n"]]),
]
