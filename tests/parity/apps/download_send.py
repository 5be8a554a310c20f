"""Each click sends a file to dcc.Download, which saves it: text (send_string), bytes (send_bytes, base64) and a
DataFrame's CSV (send_data_frame); the same file sent twice is saved twice."""
import pandas as pd

from ._shim import Dash, Input, Output, callback, dcc, html, log

app = Dash(__name__)
app.layout = html.Div([
    html.Button("text", id="text"), html.Button("bytes", id="bytes"), html.Button("frame", id="frame"),
    dcc.Download(id="dl"), html.Div(id="status"),
])


@callback(Output("dl", "data"), Output("status", "children"), Input("text", "n_clicks"), prevent_initial_call=True)
def text(n):
    log("text", n)
    return dcc.send_string(f"note {n}: héllo\n", "note.txt"), f"text {n}"


@callback(Output("dl", "data", allow_duplicate=True), Output("status", "children", allow_duplicate=True),
          Input("bytes", "n_clicks"), prevent_initial_call=True)
def raw(n):
    log("bytes", n)
    return dcc.send_bytes(b"\x00\x01\xfe\xff" * n, "raw.bin", type="application/octet-stream"), f"bytes {n}"


@callback(Output("dl", "data", allow_duplicate=True), Output("status", "children", allow_duplicate=True),
          Input("frame", "n_clicks"), prevent_initial_call=True)
def frame(n):
    log("frame", n)
    df = pd.DataFrame({"n": [n, n + 1], "word": ["a", "b"]})
    return dcc.send_data_frame(df.to_csv, "frame.csv", index=False), f"frame {n}"


STEPS = [
    ("click", "text"),
    ("click", "text"),
    ("click", "bytes"),
    ("click", "frame"),
]
