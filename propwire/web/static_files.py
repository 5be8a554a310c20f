"""propwire's own static files (the renderer's bundle and chunks, plotly.js, the geo maps), gzipped for every
client that accepts gzip, whatever `Dash(compress=...)` says.

These files never change while the app runs and are the bulk of a first page (plotly.js alone is megabytes),
so each is compressed once per process, on its first request, and kept in memory; every later answer costs
a dictionary lookup. An app's own assets and dynamic answers follow `compress` (propwire/web/compress.py).

Example::

    Mount("/_propwire/static", app=GzipStaticFiles(directory=STATIC_DIR, check_dir=False))
"""

from __future__ import annotations

import gzip
import os
import threading
from typing import Any

from starlette.datastructures import Headers
from starlette.responses import FileResponse, Response
from starlette.staticfiles import NotModifiedResponse, StaticFiles
from starlette.types import Scope

from propwire.web.compress import accepts_gzip

_TEXT = (".js", ".css", ".json", ".map", ".svg", ".txt")
_MINIMUM = 1024  # below this a gzip answer saves too little to matter
_CACHE: dict[tuple[str, int, int], bytes] = {}
_LOCK = threading.Lock()


def gzipped(path: str, stat: os.stat_result) -> bytes:
    """The file's gzip (level 6, what servers use by default), computed once per file version and kept."""
    key = (path, stat.st_mtime_ns, stat.st_size)
    body = _CACHE.get(key)
    if body is None:
        with open(path, "rb") as file:
            body = gzip.compress(file.read(), compresslevel=6, mtime=0)
        with _LOCK:
            _CACHE[key] = body
    return body


class GzipStaticFiles(StaticFiles):
    """StaticFiles whose text files go out gzipped to clients that accept it (see the module doc)."""

    def file_response(self, full_path: Any, stat_result: os.stat_result, scope: Scope,
                      status_code: int = 200) -> Response:
        path = os.fspath(full_path)
        if not path.endswith(_TEXT):
            return super().file_response(full_path, stat_result, scope, status_code)
        plain = FileResponse(full_path, status_code=status_code, stat_result=stat_result)
        headers = dict(plain.headers.items())
        headers["vary"] = "Accept-Encoding"
        zipped = status_code == 200 and stat_result.st_size >= _MINIMUM and accepts_gzip(scope)
        if zipped:
            del headers["content-length"]
            headers["etag"] = headers["etag"].rstrip('"') + '-gz"'  # the gzip is another representation
            headers["content-encoding"] = "gzip"
        if self.is_not_modified(Headers(headers), Headers(scope=scope)):
            return NotModifiedResponse(Headers(headers))
        if not zipped:
            plain.headers["vary"] = "Accept-Encoding"
            return plain
        return Response(gzipped(path, stat_result), status_code=200, headers=headers, media_type=plain.media_type)
