import os
import tempfile
import time
from pathlib import Path

from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

folder = Path(tempfile.mkdtemp())
app = Dash(__name__, upload_folder=str(folder), upload_max_age=60, max_upload_bytes=1 << 20)
app.layout = html.Div([dcc.Upload("Drop a file", id="up", stream=True), html.P(id="got")])


@app.callback(Output("got", "children"), Input("up", "contents"), prevent_initial_call=True)
def got(handle):
    return dcc.uploaded_path(handle).read_text()


with Client(app).open() as client:
    client.upload("up", "first.txt", b"first")
    first = next(folder.iterdir())
    hour_ago = time.time() - 3600
    os.utime(first, (hour_ago, hour_ago))  # older than upload_max_age
    client.upload("up", "second.txt", b"second")  # each upload first deletes the old ones
    assert client.text("got") == "second"
    assert not first.exists() and len(list(folder.iterdir())) == 1
