"""POST /_propwire/upload (dcc.Upload(stream=True), web/uploads.py): bodies streamed to disk under random names,
size caps before and while reading, same-site only, old files swept, handles that cannot name another file."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from propwire import Dash, dcc, html
from propwire.api.uploads import uploaded_path
from propwire.web.uploads import sweep

from .conftest import Client, run

UPLOAD = "/_propwire/upload"


def app(folder: Path, cap: int = 1000, age: float = 3600.0) -> Dash:
    a = Dash(__name__, max_upload_bytes=cap, upload_folder=str(folder), upload_max_age=age)
    a.layout = html.Div([dcc.Upload("drop", id="up", stream=True)])
    return a


def stored(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.exists() else []


def test_a_body_is_stored_under_a_random_name_and_its_handle_finds_it(tmp_path):
    client = Client(app(tmp_path))
    body = os.urandom(900)
    response = client.post(UPLOAD, content=body)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["size"] == 900 and answer["handle"].startswith("propwire-upload:")
    path = uploaded_path(answer["handle"])
    assert path.parent == tmp_path.resolve() and path.read_bytes() == body
    assert (path.stat().st_mode & 0o777) == 0o600
    assert response.headers["cache-control"] == "no-store"
    second = client.post(UPLOAD, content=b"again").json()["handle"]
    assert second != answer["handle"] and len(stored(tmp_path)) == 2


def test_a_declared_length_over_the_cap_is_refused_before_reading(tmp_path):
    response = Client(app(tmp_path, cap=10)).post(UPLOAD, content=b"x" * 11)
    assert response.status_code == 413
    assert response.json()["error"] == "the upload is 11 bytes; the limit is 10 (Dash(max_upload_bytes=...))"
    assert stored(tmp_path) == []


def test_a_streamed_body_growing_past_the_cap_is_cut_off_and_its_file_deleted(tmp_path):
    async def chunks():
        for _ in range(5):
            yield b"x" * 4

    response = Client(app(tmp_path, cap=10)).post(UPLOAD, content=chunks())  # chunked: no Content-Length
    assert response.status_code == 413
    assert "over the limit of 10 bytes" in response.json()["error"]
    assert stored(tmp_path) == []


def test_a_cross_site_upload_is_refused(tmp_path):
    client = Client(app(tmp_path))
    response = client.post(UPLOAD, content=b"x", headers={"origin": "https://evil.example"})
    assert response.status_code == 403 and "cross-site request refused" in response.json()["error"]
    response = client.post(UPLOAD, content=b"x", headers={"sec-fetch-site": "cross-site"})
    assert response.status_code == 403
    assert stored(tmp_path) == []


def test_a_content_length_that_is_no_number_is_refused(tmp_path):
    server = app(tmp_path).server
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"x", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": UPLOAD, "raw_path": UPLOAD.encode(), "query_string": b"",
             "headers": [(b"host", b"127.0.0.1"), (b"content-length", b"-5")], "scheme": "http",
             "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 1), "root_path": "", "http_version": "1.1"}
    run(lambda: server(scope, receive, send))
    assert sent[0]["status"] == 400
    assert b"the Content-Length header is not a number" in sent[1]["body"]
    assert stored(tmp_path) == []


def test_handles_cannot_name_other_files(tmp_path):
    Client(app(tmp_path)).post(UPLOAD, content=b"x")
    for bad in ["propwire-upload:../../etc/passwd", "propwire-upload:" + "A" * 32, "/etc/passwd",
                "propwire-upload:" + "0" * 31, "propwire-upload:" + "0" * 32 + "/", None, 5]:
        with pytest.raises(ValueError, match="not an upload handle"):
            uploaded_path(bad)
    with pytest.raises(FileNotFoundError, match="not in the upload folder"):
        uploaded_path("propwire-upload:" + "0" * 32)


def test_old_uploads_are_swept_and_other_files_left_alone(tmp_path):
    client = Client(app(tmp_path, age=60))
    old = Path(uploaded_path(client.post(UPLOAD, content=b"old").json()["handle"]))
    past = time.time() - 120
    os.utime(old, (past, past))
    keep = tmp_path / "notes.txt"
    keep.write_text("not an upload")
    os.utime(keep, (past, past))
    fresh = uploaded_path(client.post(UPLOAD, content=b"new").json()["handle"])
    assert not old.exists() and fresh.exists() and keep.exists()
    assert sweep(tmp_path, 60, now=time.time() + 3600) == 1 and not fresh.exists()


def test_streamed_uploads_are_off_unless_the_app_sets_a_cap(tmp_path):
    off = Dash(__name__, upload_folder=str(tmp_path / "off"))
    off.layout = html.Div("x")
    response = Client(off).post(UPLOAD, content=b"x")
    assert response.status_code == 404
    assert response.json()["error"] == ("streamed uploads are off: set Dash(max_upload_bytes=...) to take "
                                        "dcc.Upload(stream=True) files")
    assert not (tmp_path / "off").exists()


def test_no_folder_is_made_until_something_is_uploaded(tmp_path):
    folder = tmp_path / "later"
    client = Client(app(folder))
    assert client.get("/").status_code == 200 and not folder.exists()
    client.post(UPLOAD, content=b"x")
    assert len(stored(folder)) == 1
