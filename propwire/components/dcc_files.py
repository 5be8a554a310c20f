"""dcc.Upload and dcc.Download: files from the user's disk into callbacks, and from callbacks onto the user's disk.

Upload reads the files the user drops or picks in the browser and sets `contents` to their `data:` URLs (base64),
`filename` and `last_modified`, one of each or (with `multiple`) lists of them, as Dash 4.4.1's Upload does. A file
outside `accept`, `min_size` or `max_size` is left out (Dash's behaviour) and the browser's console says which
file and why. With `stream=True` (propwire only) the files go to disk on the server instead, and `contents`
holds a handle per file (propwire.api.uploads). Download saves the file a callback puts in its `data` (the dict the `send_*` helpers of
propwire.components.dcc_send make) each time `data` is set.

Example::

    dcc.Upload(html.Div("Drop a CSV here"), id="csv", accept=".csv", max_size=5_000_000)
    dcc.Download(id="save")
"""

from __future__ import annotations

from typing import ClassVar

from propwire.components import dcc_signatures as typed
from propwire.components.base import BOOL, DICT, ID, NODE, NUMBER, STRING, Component, PropError, PropType, list_of
from propwire.components.spec import Bundle

__all__ = ["Download", "Upload"]

_TEXTS = STRING | list_of(STRING)
_NUMBERS = NUMBER | list_of(NUMBER)


def _is_download(value: object) -> bool:
    """The dict Download saves: a `filename` and a string `content`, optional `base64` and `type` (Dash's shape)."""
    if not isinstance(value, dict) or not isinstance(value.get("filename"), str):
        return False
    if not isinstance(value.get("content"), str) or not set(value) <= {"filename", "content", "base64", "type"}:
        return False
    return isinstance(value.get("base64", False), bool) and isinstance(value.get("type", ""), (str, type(None)))


DOWNLOAD = PropType("a dict {'filename': str, 'content': str, 'base64'?: bool, 'type'?: str} (dcc.send_*)",
                    _is_download, "dict[str, Any]")


class Upload(typed.Upload, Component):
    """A drop zone (its children) that reads the files dropped on it or picked after a click into `contents`
    (docs/files.md); `stream=True` (propwire only) stores them on the server's disk instead.

    >>> from propwire import dcc, html
    >>> dcc.Upload(html.Button("Upload images"), id="upload", multiple=True, accept="image/*").accept
    'image/*'
    """

    _namespace = "dcc"
    _type = "Upload"
    _bundle = Bundle("upload")
    # Dash 4.4.1's order, so positional arguments mean the same thing.
    _positional = ("children", "id", "contents", "filename", "last_modified", "accept", "disabled", "disable_click",
                   "max_size", "min_size", "multiple", "enable_folder_selection", "className", "className_active",
                   "className_reject", "className_disabled", "style", "style_active", "style_reject",
                   "style_disabled")
    _props = {
        "id": ID,
        "children": NODE,
        "contents": _TEXTS,
        "filename": _TEXTS,
        "last_modified": _NUMBERS,
        "accept": STRING,
        "disabled": BOOL,
        "disable_click": BOOL,
        "max_size": NUMBER,
        "min_size": NUMBER,
        "multiple": BOOL,
        "enable_folder_selection": BOOL,
        "className": STRING,
        "className_active": STRING,
        "className_reject": STRING,
        "className_disabled": STRING,
        "style": DICT,
        "style_active": DICT,
        "style_reject": DICT,
        "style_disabled": DICT,
        # propwire-only: each file's body is POSTed to the upload endpoint and stored on disk; `contents` is
        # then a handle per file (dcc.uploaded_path gives its path), never the file itself (docs/files.md).
        "stream": BOOL,
    }
    # No _defaults: as in Dash, a callback reading a prop the layout did not set gets None; the renderer applies
    # Dash's defaults (max_size -1 = no limit, min_size 0, the active / reject / disabled styles).

    def _check(self) -> None:
        lo, hi = self._values.get("min_size"), self._values.get("max_size")
        if lo is not None and hi is not None and hi != -1 and lo > hi:
            raise PropError(f"{self._name()}{self._where()}: prop 'min_size' ({lo!r}) must be <= prop 'max_size' "
                            f"({hi!r}), or no file could be uploaded")


class Download(typed.Download, Component):
    """Saves a file in the user's browser each time a callback sets `data` (use dcc.send_file / send_bytes /
    send_string / send_data_frame to make it); `base64` and `type` are the defaults for a `data` without them.

    >>> from propwire import dcc
    >>> dcc.Download(id="save", data=dcc.send_string("a,b", "table.csv")).data["filename"]
    'table.csv'
    """

    _namespace = "dcc"
    _type = "Download"
    _bundle = Bundle("download")
    _positional = ("id", "data", "base64", "type")
    _props = {"id": ID, "data": DOWNLOAD, "base64": BOOL, "type": STRING}
    _defaults: ClassVar[dict] = {}  # base64 False and type "text/plain" apply in the renderer, unseen by callbacks
