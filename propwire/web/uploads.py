"""POST /_propwire/upload: a file's body streamed to disk, for dcc.Upload(stream=True) (docs/files.md).

Why: a data: URL in `contents` puts the whole file (and a third more) in the event, in server memory and in
every later event that reads it. A streamed Upload instead POSTs each file's raw bytes here; they go to a new
file in the upload folder chunk by chunk, and the answer is a handle (propwire.api.uploads) the Upload sets as
its `contents`. The endpoint's guards:

- the same-site check of every POST (request_guard.refuse_post) before the body is read: 403;
- off unless the app sets a size cap (`Limits.max_upload_bytes`, Dash(max_upload_bytes=...)): 404, so an
  app that streams no uploads takes no files;
- the size cap: a Content-Length over it is refused before reading (413), a body
  that grows past it while streaming is cut off, its partial file deleted (413);
- the file's name is 32 random hex digits, made here; nothing the client sends reaches a path, so there is no
  path to traverse; files are created exclusively (O_EXCL) with mode 0600;
- every upload first deletes the folder's files older than `Limits.upload_max_age` seconds, so abandoned
  uploads do not pile up; a body cut short (the client went away) is deleted at once.

Example (what build_server adds)::

    Route("/_propwire/upload", upload_endpoint(Limits()), methods=["POST"])
"""

from __future__ import annotations

import os
import secrets
import tempfile
import time
from pathlib import Path
from typing import Any

import anyio
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response

from propwire.api.uploads import handle_of, register_folder
from propwire.web import request_guard
from propwire.web.spec import Limits

__all__ = ["UPLOAD_PATH", "upload_endpoint", "upload_folder"]

UPLOAD_PATH = "/_propwire/upload"


class TooLarge(Exception):
    """The body grew past the cap while it streamed."""


def upload_folder(limits: Limits) -> Path:
    """The folder uploads go to: `Limits.upload_folder`, else `propwire-uploads` in the system's temp folder;
    made (mode 0700) if missing, and registered for propwire.api.uploads.uploaded_path."""
    folder = Path(limits.upload_folder) if limits.upload_folder else Path(tempfile.gettempdir()) / "propwire-uploads"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    register_folder(folder)
    return folder


def _error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers={"cache-control": "no-store"})


def sweep(folder: Path, max_age: float, now: float | None = None) -> int:
    """Delete the folder's upload files (32 hex digit names) older than `max_age` seconds; how many went."""
    now = time.time() if now is None else now
    gone = 0
    for entry in os.scandir(folder):
        if len(entry.name) == 32 and all(c in "0123456789abcdef" for c in entry.name) and entry.is_file():
            try:
                if now - entry.stat().st_mtime > max_age:
                    os.unlink(entry.path)
                    gone += 1
            except FileNotFoundError:
                pass  # another worker's sweep took it first
    return gone


async def _store(request: Request, path: Path, cap: int) -> int:
    """Stream the body into a new file at `path`; its size. The file is removed if anything goes wrong."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    size = 0
    try:
        with os.fdopen(fd, "wb") as out:
            async for chunk in request.stream():
                size += len(chunk)
                if size > cap:
                    raise TooLarge
                if chunk:
                    await anyio.to_thread.run_sync(out.write, chunk)
        return size
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def upload_endpoint(limits: Limits) -> Any:
    """The upload route's endpoint; the folder is made (and registered) at the first upload, so an app that
    streams none leaves no folder behind."""
    cap = limits.max_upload_bytes
    made: list[Path] = []

    async def upload(request: Request) -> Response:
        """One file's bytes in, its handle out: {"handle": "propwire-upload:…", "size": bytes}."""
        if cap is None:
            return _error("streamed uploads are off: set Dash(max_upload_bytes=...) to take dcc.Upload(stream=True) "
                          "files", 404)
        refused = request_guard.refuse_post(request.scope, limits.allowed_origins)
        if refused:
            return _error(refused[1], refused[0])
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > cap):
            return _error(f"the upload is {declared} bytes; the limit is {cap} (Dash(max_upload_bytes=...))"
                          if declared.isdigit() else "the Content-Length header is not a number", 413 if
                          declared.isdigit() else 400)
        if not made:
            made.append(await anyio.to_thread.run_sync(upload_folder, limits))
        folder = made[0]
        await anyio.to_thread.run_sync(sweep, folder, limits.upload_max_age)
        token = secrets.token_hex(16)
        try:
            size = await _store(request, folder / token, cap)
        except TooLarge:
            return _error(f"the upload is over the limit of {cap} bytes (Dash(max_upload_bytes=...))", 413)
        except ClientDisconnect:
            return _error("the upload was cut short", 400)
        return JSONResponse({"handle": handle_of(token), "size": size}, headers={"cache-control": "no-store"})

    return upload
