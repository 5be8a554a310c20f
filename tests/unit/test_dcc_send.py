"""dcc.send_* (the dict dcc.Download saves) against Dash 4.4.1's own helpers, and the Upload / Download props."""

from __future__ import annotations

import base64
import subprocess
import sys

import pandas as pd
import pytest
from dash import dcc as dash_dcc

from propwire import dcc
from propwire.components.base import PropError


def test_send_string_and_bytes_have_dashs_shape():
    assert dcc.send_string("a,b\n", "t.csv") == dash_dcc.send_string("a,b\n", "t.csv")
    assert dcc.send_string("x", "t.txt", type="text/plain") == {"content": "x", "filename": "t.txt",
                                                                 "type": "text/plain", "base64": False}
    raw = bytes(range(256))
    sent = dcc.send_bytes(raw, "all.bin", type="application/octet-stream")
    assert sent == dash_dcc.send_bytes(raw, "all.bin", type="application/octet-stream")
    assert base64.b64decode(sent["content"]) == raw and sent["base64"] is True


def test_writers_get_the_buffer_and_the_keywords():
    def write_text(buffer, *, sep):
        buffer.write(sep.join("abc"))

    def write_bytes(buffer, *, times):
        buffer.write(b"\x00\xff" * times)
        buffer.close()  # pandas' excel writer closes what it is given: what it wrote must not be lost

    assert dcc.send_string(write_text, "t.txt", sep="-")["content"] == "a-b-c"
    assert base64.b64decode(dcc.send_bytes(write_bytes, "b.bin", times=2)["content"]) == b"\x00\xff\x00\xff"


def test_send_file_names_the_file_by_its_path(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4 tiny")
    assert dcc.send_file(path) == dash_dcc.send_file(str(path))
    assert dcc.send_file(str(path), filename="other.pdf", type="application/pdf")["filename"] == "other.pdf"
    assert dcc.send_file(str(path))["filename"] == "report.pdf"


def test_send_data_frame_picks_text_or_bytes_by_the_writer():
    df = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    assert dcc.send_data_frame(df.to_csv, "df.csv", index=False) == dash_dcc.send_data_frame(df.to_csv, "df.csv",
                                                                                               index=False)
    pickled = dcc.send_data_frame(df.to_pickle, "df.pkl")
    assert pickled["base64"] is True
    assert pd.read_pickle(__import__("io").BytesIO(base64.b64decode(pickled["content"]))).equals(df)
    with pytest.raises(ValueError, match="to_dict.*send_string or send_bytes"):
        dcc.send_data_frame(df.to_dict, "df.txt")


def test_bad_sources_are_named():
    with pytest.raises(TypeError, match="send_bytes: src must be bytes or a writer function, got str"):
        dcc.send_bytes("text", "a.bin")
    with pytest.raises(TypeError, match="send_string: src must be a str or a writer function, got int"):
        dcc.send_string(5, "a.txt")


def test_propwire_dcc_does_not_import_pandas():
    code = "import sys, propwire; from propwire import dcc; dcc.send_string('x', 'a'); print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_upload_and_download_props():
    up = dcc.Upload("Drop here", id="up", multiple=True, max_size=100, accept=".csv")
    assert up.to_plotly_json()["props"] == {"children": "Drop here", "id": "up", "multiple": True, "max_size": 100,
                                           "accept": ".csv"}
    assert dcc.Upload(None, "up2").id == "up2"  # Dash's positional order: children, id
    with pytest.raises(PropError, match="'min_size' \\(10\\) must be <= prop 'max_size' \\(5\\)"):
        dcc.Upload(id="u", min_size=10, max_size=5)
    assert dcc.Upload(id="u", min_size=10, max_size=-1).max_size == -1  # -1: no limit
    with pytest.raises(PropError, match="prop 'contents' must be"):
        dcc.Upload(id="u", contents=5)
    down = dcc.Download(id="d", data=dcc.send_string("x", "a.txt"), type="text/csv")
    assert down.data["filename"] == "a.txt"
    with pytest.raises(PropError, match="prop 'data' must be a dict"):
        dcc.Download(id="d", data={"filename": "a.txt"})
