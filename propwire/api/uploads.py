"""Uploads streamed to disk (dcc.Upload(stream=True)): the handle a callback receives, and the file it names.

A streamed Upload's `contents` is a handle, ``"propwire-upload:<32 hex digits>"``, one per file, instead of a
data: URL: the browser POSTed the file's body to the server's upload endpoint (propwire/web/uploads.py), which
wrote it to a file of that random name in the upload folder, never holding it in memory. `uploaded_path`
turns a handle back into that file's path; a handle is checked to be exactly that shape (so no string a user
sends can name another file), and the folders it may be in are those the app's servers registered.

Example::

    @callback(Output("out", "children"), Input("big", "contents"), State("big", "filename"))
    def took(handle, name):
        path = dcc.uploaded_path(handle)
        return f"{name}: {path.stat().st_size} bytes"
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["HANDLE_PREFIX", "handle_of", "register_folder", "uploaded_path"]

HANDLE_PREFIX = "propwire-upload:"
_HANDLE = re.compile(r"propwire-upload:([0-9a-f]{32})")
# The folders the servers of this process write uploads to (Dash(upload_folder=...)), newest last.
_FOLDERS: list[Path] = []


def register_folder(folder: Path) -> None:
    """Note a folder uploads are written to, so `uploaded_path` looks there (done by the server as it is built)."""
    folder = folder.resolve()
    if folder not in _FOLDERS:
        _FOLDERS.append(folder)


def handle_of(token: str) -> str:
    """The handle for a stored file's random name (32 hex digits)."""
    return HANDLE_PREFIX + token


def uploaded_path(handle: str) -> Path:
    """The file a streamed dcc.Upload's handle names (`contents`, or one item of it with `multiple`).

    The file stays until the app moves or deletes it, or it is older than the upload folder's age limit
    (Dash(upload_max_age=...)); move it (``path.rename(...)``) to keep it.

    Raises ValueError for a string that is not a handle, FileNotFoundError when its file is gone (cleaned up,
    or on another machine's disk: workers on several machines need a shared upload_folder).

    >>> from propwire import dcc
    >>> dcc.uploaded_path("../../etc/passwd")
    Traceback (most recent call last):
    ValueError: not an upload handle: '../../etc/passwd' (a streamed dcc.Upload's contents look like 'propwire-upload:' and 32 hex digits)
    """
    found = _HANDLE.fullmatch(handle) if isinstance(handle, str) else None
    if found is None:
        raise ValueError(f"not an upload handle: {handle!r:.80} (a streamed dcc.Upload's contents look like "
                         f"'{HANDLE_PREFIX}' and 32 hex digits)")
    for folder in reversed(_FOLDERS):
        path = folder / found.group(1)
        if path.is_file():
            return path
    raise FileNotFoundError(f"the upload {handle} is not in the upload folder (cleaned up after its age limit, "
                            f"or written by a worker on another machine)")
