"""propwire's own static files go out gzipped to clients that accept gzip, with or without Dash(compress=True):
the bytes decode to the file, a revalidation of the gzipped answer is a 304, and a client without gzip (or a
small file) gets the file as it is."""

from __future__ import annotations

import gzip

from propwire import Dash, html
from propwire.web import static_files
from propwire.web.page import STATIC_DIR

from .conftest import Client


def _client(compress: bool = False) -> Client:
    app = Dash(__name__, compress=compress)
    app.layout = html.Div("hi")
    return Client(app)


def _plotly_chunk() -> str:
    return next(p.name for p in STATIC_DIR.glob("pw-plotly-cartesian.min-*.js"))


def test_a_static_chunk_is_gzipped_once_and_decodes_to_the_file():
    client, name = _client(), _plotly_chunk()
    raw = (STATIC_DIR / name).read_bytes()
    first = client.get(f"/_propwire/static/{name}", headers={"accept-encoding": "gzip, br"})
    assert first.headers["content-encoding"] == "gzip" and first.headers["vary"] == "Accept-Encoding"
    assert first.content == raw  # httpx decodes: the same bytes as the file
    assert first.num_bytes_downloaded < len(raw) / 2  # what travelled is the gzip
    assert gzip.decompress(static_files.gzipped(str(STATIC_DIR / name), (STATIC_DIR / name).stat())) == raw
    again = client.get(f"/_propwire/static/{name}", headers={"accept-encoding": "gzip",
                                                             "if-none-match": first.headers["etag"]})
    assert again.status_code == 304


def test_without_gzip_in_accept_encoding_the_file_goes_as_it_is():
    client, name = _client(), _plotly_chunk()
    for accept in ("identity", "gzip;q=0", "br"):
        plain = client.get(f"/_propwire/static/{name}", headers={"accept-encoding": accept})
        assert "content-encoding" not in plain.headers, accept
        assert plain.headers["vary"] == "Accept-Encoding"
        assert int(plain.headers["content-length"]) == (STATIC_DIR / name).stat().st_size


def test_the_plain_etag_does_not_revalidate_the_gzipped_answer_and_compress_does_not_gzip_twice():
    client, name = _client(compress=True), _plotly_chunk()
    plain = client.get(f"/_propwire/static/{name}", headers={"accept-encoding": "identity"})
    zipped = client.get(f"/_propwire/static/{name}", headers={"accept-encoding": "gzip",
                                                              "if-none-match": plain.headers["etag"]})
    assert zipped.status_code == 200 and zipped.headers["content-encoding"] == "gzip"
    assert zipped.content == (STATIC_DIR / name).read_bytes()  # one gzip layer: httpx decodes it to the file
