"""The `send_*` helpers: what a callback returns to a dcc.Download's `data` to save a file in the browser.

Each returns Dash's dict shape, ``{"content": str, "filename": str, "type": str | None, "base64": bool}``: bytes
travel base64-encoded (`base64` True), text as it is. pandas is never imported here: send_data_frame takes the
DataFrame's own writer method (``df.to_csv``) and only calls it.

Example::

    @callback(Output("save", "data"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def save(_):
        return dcc.send_data_frame(df.to_csv, "table.csv", index=False)
"""

from __future__ import annotations

import base64
import io
import os
from collections.abc import Callable
from typing import Any

__all__ = ["send_bytes", "send_data_frame", "send_file", "send_string"]

# How each pandas writer writes: into text (a StringIO) or into bytes (a BytesIO); Dash's table of them.
_TEXT_WRITERS = frozenset({"to_csv", "to_json", "to_html"})
_BYTE_WRITERS = frozenset({"to_excel", "to_feather", "to_parquet", "to_msgpack", "to_stata", "to_pickle"})


def _written(buffer: io.StringIO | io.BytesIO, writer: Callable[..., Any], **kwargs: Any) -> Any:
    """What `writer(buffer, **kwargs)` wrote. Some writers (pandas' to_excel) close the buffer they are given,
    which would lose what they wrote: closing is held off until the value is read."""
    close = buffer.close
    buffer.close = lambda: None  # type: ignore[method-assign]
    try:
        writer(buffer, **kwargs)
        return buffer.getvalue()
    finally:
        close()


def send_bytes(src: bytes | Callable[..., Any], filename: str, type: str | None = None,
               **kwargs: Any) -> dict[str, Any]:
    """A file of bytes for dcc.Download: `src` is the bytes, or a writer called as ``src(io.BytesIO(), **kwargs)``.

    Returns ``{"content": <base64 text>, "filename": filename, "type": type, "base64": True}``.

    >>> from propwire import dcc
    >>> dcc.send_bytes(b"\\x00\\xff", "two.bin")
    {'content': 'AP8=', 'filename': 'two.bin', 'type': None, 'base64': True}
    """
    if isinstance(src, (bytes, bytearray, memoryview)):
        content = bytes(src)
    elif callable(src):
        content = _written(io.BytesIO(), src, **kwargs)
        if not isinstance(content, bytes):
            raise TypeError(f"send_bytes: the writer {src!r} wrote {type_name(content)}, not bytes")
    else:
        raise TypeError(f"send_bytes: src must be bytes or a writer function, got {type_name(src)}")
    return {"content": base64.b64encode(content).decode("ascii"), "filename": filename, "type": type, "base64": True}


def send_string(src: str | Callable[..., Any], filename: str, type: str | None = None,
                **kwargs: Any) -> dict[str, Any]:
    """A text file for dcc.Download: `src` is the text, or a writer called as ``src(io.StringIO(), **kwargs)``.

    Returns ``{"content": text, "filename": filename, "type": type, "base64": False}``.

    >>> from propwire import dcc
    >>> dcc.send_string("a,b", "table.csv", type="text/csv")
    {'content': 'a,b', 'filename': 'table.csv', 'type': 'text/csv', 'base64': False}
    """
    if isinstance(src, str):
        content = src
    elif callable(src):
        content = _written(io.StringIO(), src, **kwargs)
    else:
        raise TypeError(f"send_string: src must be a str or a writer function, got {type_name(src)}")
    return {"content": content, "filename": filename, "type": type, "base64": False}


def send_file(path: str | os.PathLike[str], filename: str | None = None, type: str | None = None) -> dict[str, Any]:
    """A file on the server's disk for dcc.Download, saved as `filename` (by default the file's own name).

    The whole file is read into the answer (as in Dash); send only files the app chose, never a path a user typed.

    >>> import pathlib, tempfile
    >>> from propwire import dcc
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "q4.txt"
    >>> _ = path.write_text("ok")
    >>> dcc.send_file(path)["filename"], dcc.send_file(path)["content"]
    ('q4.txt', 'b2s=')
    """
    if filename is None:
        filename = _base_name(os.fspath(path))
    with open(path, "rb") as handle:
        return send_bytes(handle.read(), filename, type)


def _base_name(path: str) -> str:
    """The last part of a path written with / or \\ (a Windows path on a POSIX server, as Dash's ntpath)."""
    return path.replace("\\", "/").rstrip("/").rpartition("/")[2]


def send_data_frame(writer: Callable[..., Any], filename: str, type: str | None = None,
                    **kwargs: Any) -> dict[str, Any]:
    """A pandas DataFrame for dcc.Download, written by its own writer method (``df.to_csv``, ``df.to_excel``...):
    the text writers (to_csv, to_json, to_html) as send_string, the binary ones (to_excel, to_parquet,
    to_feather, to_stata, to_pickle, to_msgpack) as send_bytes; `kwargs` go to the writer.

    Raises ValueError for another writer (send_string / send_bytes take any writer).

    >>> import pandas as pd
    >>> from propwire import dcc
    >>> dcc.send_data_frame(pd.DataFrame({"a": [1]}).to_csv, "a.csv", index=False)["content"]
    'a\\n1\\n'
    """
    name = getattr(writer, "__name__", "")
    if name in _TEXT_WRITERS:
        return send_string(writer, filename, type, **kwargs)
    if name in _BYTE_WRITERS:
        return send_bytes(writer, filename, type, **kwargs)
    known = ", ".join(sorted(_TEXT_WRITERS | _BYTE_WRITERS))
    raise ValueError(f"send_data_frame: the writer {name or writer!r} is not one it knows ({known}); "
                     f"call send_string or send_bytes with it instead")


def type_name(value: Any) -> str:
    """A value's type name for error messages."""
    return type(value).__name__
