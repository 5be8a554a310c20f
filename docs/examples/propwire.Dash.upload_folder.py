import tempfile
from pathlib import Path

from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

folder = Path(tempfile.mkdtemp())
app = Dash(__name__, upload_folder=str(folder), max_upload_bytes=1 << 20)
app.layout = html.Div([dcc.Upload("Drop a file", id="up", stream=True), html.P(id="where")])


@app.callback(Output("where", "children"), Input("up", "contents"), prevent_initial_call=True)
def where(handle):
    path = dcc.uploaded_path(handle)
    return "in the upload folder" if path.parent == folder.resolve() else str(path)


with Client(app).open() as client:
    client.upload("up", "notes.txt", b"hello")
    assert client.text("where") == "in the upload folder"
    assert [p.read_bytes() for p in folder.iterdir()] == [b"hello"]  # stored under a random name
