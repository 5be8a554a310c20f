import tempfile

from propwire import Dash, Input, Output, dcc, html
from propwire.testing import Client

app = Dash(__name__, max_upload_bytes=1000, upload_folder=tempfile.mkdtemp())
app.layout = html.Div([dcc.Upload("Drop a file", id="up", stream=True), html.P(id="size")])


@app.callback(Output("size", "children"), Input("up", "contents"), prevent_initial_call=True)
def size(handle):
    return f"{dcc.uploaded_path(handle).stat().st_size} bytes on disk"


with Client(app).open() as client:
    client.upload("up", "small.bin", b"x" * 1000)
    assert client.text("size") == "1000 bytes on disk"
    client.upload("up", "big.bin", b"x" * 1001)  # over the cap: refused (HTTP 413), nothing set or kept
    assert client.text("size") == "1000 bytes on disk"
    assert "HTTP 413" in client.errors()[-1]
