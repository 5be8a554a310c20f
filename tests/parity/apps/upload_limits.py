"""A file over max_size, under min_size or outside accept is left out (no callback runs); a file within them is
read."""
from ._shim import Dash, Input, Output, State, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    dcc.Upload("Drop a small .txt", id="up", max_size=10, min_size=2, accept=".txt,text/csv"),
    html.Div(id="out"),
])


@callback(Output("out", "children"), Input("up", "contents"), State("up", "filename"), prevent_initial_call=True)
def show(contents, filename):
    log("show", contents, filename)
    return f"took {filename}"


STEPS = [
    ("upload", "up", [["big.txt", "more than ten bytes"]]),
    ("upload", "up", [["tiny.txt", "x"]]),
    ("upload", "up", [["image.png", "png"]]),
    ("upload", "up", [["ok.txt", "fine"]]),
    ("upload", "up", [["data.csv", "a,b"]]),
]
