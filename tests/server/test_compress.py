"""Dash(compress=True): gzip for clients that accept it, and the streamed page and events still stream (each
chunk decodable as it arrives, not held until the end)."""

from __future__ import annotations

import asyncio
import json
import threading
import zlib

import pytest

from propwire import Dash, Input, Output, html
from propwire.web.compress import accepts_gzip

from .conftest import EVENT, Client, page_config, run


def _big(compress: bool = True) -> Dash:
    app = Dash(__name__, compress=compress)
    app.layout = html.Div([html.P(f"row {i}", id=f"r{i}") for i in range(300)])
    return app


def test_page_and_static_files_are_gzipped_when_accepted():
    client = Client(_big())
    page = client.get("/", headers={"accept-encoding": "gzip, deflate"})
    assert page.headers["content-encoding"] == "gzip" and "accept-encoding" in page.headers["vary"].lower()
    assert "row 299" in page.text and page_config(page.text)["layout"]
    bundle = client.get("/_propwire/static/propwire.js", headers={"accept-encoding": "gzip"})
    assert bundle.headers["content-encoding"] == "gzip"
    assert "propwire" in bundle.text


def test_not_gzipped_unless_accepted_or_asked_for():
    assert "content-encoding" not in Client(_big()).get("/", headers={"accept-encoding": "identity"}).headers
    assert "content-encoding" not in Client(_big()).get("/", headers={"accept-encoding": "gzip;q=0"}).headers
    assert "content-encoding" not in Client(_big(False)).get("/", headers={"accept-encoding": "gzip"}).headers


def test_small_answers_and_images_stay_plain(tmp_path):
    (tmp_path / "logo.png").write_bytes(b"\x89PNG" + b"\x00" * 5000)
    app = Dash(__name__, compress=True, assets_folder=str(tmp_path))
    app.layout = html.P("x", id="x")
    client = Client(app)
    assert "content-encoding" not in client.get("/_propwire/health", headers={"accept-encoding": "gzip"}).headers
    assert "content-encoding" not in client.get("/assets/logo.png", headers={"accept-encoding": "gzip"}).headers


@pytest.mark.parametrize("header, accepted", [("gzip", True), ("br, gzip;q=0.5", True), ("*", True),
                                              ("gzip;q=0", False), ("deflate", False), ("GZIP", True)])
def test_accept_encoding_is_read_with_its_qualities(header, accepted):
    assert accepts_gzip({"headers": [(b"accept-encoding", header.encode())]}) is accepted


def test_a_gzipped_event_stream_still_streams():
    """The fast callback's result is decodable from the bytes sent so far while the slow one is still blocked
    on a threading.Event, which only that decoded result releases: a compressor that held the chunks back
    would leave it blocked (and the answer would say "timed out")."""
    released = threading.Event()
    app = Dash(__name__, compress=True)
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="fast"), html.Div(id="slow")])

    @app.callback(Output("fast", "children"), Input("btn", "n_clicks"))
    def fast(n):
        return "fast done " + "x" * 2000  # over the compressor's minimum size

    @app.callback(Output("slow", "children"), Input("btn", "n_clicks"))
    def slow(n):
        return "slow released" if released.wait(5) else "slow timed out"

    body = json.dumps({"seq": 3, "changed": {"btn.n_clicks": 1}, "values": {"btn.n_clicks": 1},
                       "present": {"btn": [], "fast": [], "slow": []}}).encode()
    scope = {"type": "http", "http_version": "1.1", "method": "POST", "scheme": "http", "path": EVENT,
             "raw_path": EVENT.encode(), "query_string": b"", "root_path": "", "server": ("127.0.0.1", 80),
             "client": ("127.0.0.1", 1), "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"application/json"),
                                                     (b"content-length", str(len(body)).encode()),
                                                     (b"accept-encoding", b"gzip")]}
    requests = [{"type": "http.request", "body": body, "more_body": False}]
    decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    sent: list[dict] = []
    decoded = bytearray()

    async def receive():
        if requests:
            return requests.pop()
        await asyncio.sleep(3600)

    async def send(message):
        sent.append(message)
        if message["type"] == "http.response.body":
            decoded.extend(decoder.decompress(message.get("body", b"")))
            if b"fast done" in decoded:
                released.set()

    run(lambda: asyncio.wait_for(app.server(scope, receive, send), 20))
    headers = dict(sent[0]["headers"])
    assert headers[b"content-encoding"] == b"gzip" and b"content-length" not in headers
    lines = [json.loads(line) for line in bytes(decoded).splitlines()]
    outputs = {k: v for line in lines if "result" in line for k, v in line["result"]["outputs"].items()}
    assert outputs["slow.children"] == "slow released"
    assert lines[-1] == {"done": {"seq": 3}}
