"""dcc.Upload and dcc.Download for the headless Client: files picked into an Upload, files a Download saved.

Upload follows the renderer's rules (renderer/src/components/files.ts): a file outside `accept`, `min_size` or
`max_size` is left out (as in Dash; the Client says so in `errors()`, as the browser does in its console), only
the first file is taken unless `multiple`, and `contents` is each file's data: URL as Chromium's FileReader
writes it. A file's MIME type is what the browser would guess from its name (the parity runner gives Chromium
the same one), unless given.

Example::

    client.upload("csv", "table.csv", b"a,b\\n1,2\\n")
    client.click("save")
    client.downloads[-1].content   # b'...': what dcc.Download saved
"""

from __future__ import annotations

import base64
import mimetypes
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from propwire.api.dependencies import id_string
from propwire.testing.components import WrongComponent, kind_of, show_id
from propwire.testing.runtime import Runtime
from propwire.testing.store import Entry

# What Chromium sends with the renderer's fetch() of a streamed file (the server checks the same things).
_UPLOAD_HEADERS = {"content-type": "application/octet-stream", "origin": "http://127.0.0.1",
                   "sec-fetch-dest": "empty", "sec-fetch-mode": "cors", "sec-fetch-site": "same-origin"}
# A file to upload: (name, content), or (name, content, MIME type).
FileSpec = tuple[str, bytes] | tuple[str, bytes, str]


@dataclass(frozen=True)
class Downloaded:
    """One file a dcc.Download saved: its `filename`, `content` (bytes, base64 decoded when the data said so),
    the Blob `type` and the Download's `id`.

    Example: ``client.downloads[-1].content.decode() == "a,b\\n1,2\\n"``
    """

    id: str
    filename: str
    content: bytes
    type: str


def mime_of(name: str) -> str:
    """The MIME type a browser gives a file called `name` ("" when it has none for it)."""
    return mimetypes.guess_type(name, strict=False)[0] or ""


def data_url(content: bytes, mime: str) -> str:
    """What Chromium's FileReader.readAsDataURL gives for a file: `data:<type>;base64,<content>`, the type
    application/octet-stream when the file has none (an empty file too: `data:text/plain;base64,`)."""
    return f"data:{mime or 'application/octet-stream'};base64,{base64.b64encode(content).decode('ascii')}"


def refusal(name: str, size: int, mime: str, props: dict[str, Any]) -> str | None:
    """Why an Upload leaves a file out, or None (the renderer's `refusal`, same words)."""
    accept = props.get("accept")
    if accept and not _accepted(name, mime, accept):
        return f"its type {_js_string(mime)} is not in accept={_js_string(accept)}"
    limit = props.get("max_size")
    high = limit if isinstance(limit, (int, float)) and limit != -1 else float("inf")
    smallest = props.get("min_size")
    low = smallest if isinstance(smallest, (int, float)) else 0
    if size > high:
        return f"it is {size} bytes, over max_size={limit}"
    if size < low:
        return f"it is {size} bytes, under min_size={low}"
    return None


def _accepted(name: str, mime: str, accept: str) -> bool:
    lower, kind = name.lower(), mime.lower()
    for raw in accept.split(","):
        item = raw.strip().lower()
        if item and (lower.endswith(item) if item.startswith(".") else
                     kind.startswith(item[:-1]) if item.endswith("/*") else item == kind):
            return True
    return False


def _js_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _files(first: Any, content: bytes | None, mime: str | None) -> list[tuple[str, bytes, str]]:
    """The files of an upload() call, each (name, content, MIME type)."""
    specs: Sequence[Any] = [(first, content) if mime is None else (first, content, mime)] if isinstance(first, str) \
        else first
    out = []
    for spec in specs:
        name, data, *rest = spec
        if not isinstance(name, str) or not isinstance(data, (bytes, bytearray)):
            raise TypeError(f"a file to upload is (name, bytes) or (name, bytes, mime type), got {spec!r:.80}")
        out.append((name, bytes(data), rest[0] if rest else mime_of(name)))
    return out


class FileVerbs:
    """The Client's upload() verb and `downloads` (it supplies _entry, _act, _call, _rt_or_fail, _http and
    _upload_url)."""

    _downloads: list[Downloaded]
    _http: Any
    _upload_url: str
    _call: Any

    def _entry(self, component_id: Any) -> Entry:
        raise NotImplementedError

    def _rt_or_fail(self) -> Runtime:
        raise NotImplementedError

    def _act(self, ticks: list[Any], wait: bool) -> None:
        raise NotImplementedError

    def upload(self, component_id: Any, files: str | Sequence[FileSpec], content: bytes | None = None,
               type: str | None = None, *, wait: bool = True) -> None:
        """Pick files into a dcc.Upload, as the file dialog or a drop does: ``upload("up", "a.csv", b"...")``
        for one file, ``upload("up", [("a.csv", b"..."), ("b.png", png, "image/png")])`` for several.

        Raises WrongComponent for anything but an enabled dcc.Upload (a user cannot pick into a disabled one), or
        for several files into one without `multiple` (the file dialog lets the user pick one).
        """
        comp = self._entry(component_id).comp
        if kind_of(comp) != "dcc.Upload":
            raise WrongComponent(f"cannot upload into {show_id(component_id)}: it is a {kind_of(comp)}, not a "
                                 f"dcc.Upload")
        props = comp["props"]
        if props.get("disabled"):
            raise WrongComponent(f"cannot upload into {show_id(component_id)}: it is disabled")
        picked = _files(files, content, type)
        if len(picked) > 1 and not props.get("multiple"):
            raise WrongComponent(f"cannot upload {len(picked)} files into {show_id(component_id)}: it takes one "
                                 f"(multiple is not set)")
        id_str, rt = id_string(component_id), self._rt_or_fail()
        taken = []
        for name, data, mime in picked:
            why = refusal(name, len(data), mime, props)
            if why is None:
                taken.append((name, data, mime))
            else:
                rt.reports.append(f"dcc.Upload {_js_string(id_str)} left out {_js_string(name)}: {why}")
        if not taken:
            return
        stamp = time.time()  # a file made now, as Playwright's set_input_files gives its files
        if props.get("stream"):
            urls = [self._call(self._store_upload, name, data) for name, data, _mime in taken]
            if None in urls:
                return  # the server refused one: nothing is set, as in the browser (errors() says why)
        else:
            urls = [data_url(data, mime) for _name, data, mime in taken]
        names = [name for name, _data, _mime in taken]
        change: dict[str, Any] = {"contents": urls, "filename": names, "last_modified": [stamp] * len(taken)} \
            if props.get("multiple") else {"contents": urls[0], "filename": names[0], "last_modified": stamp}
        self._act([lambda: self._rt_or_fail().user_change([(id_str, change)])], wait)

    async def _store_upload(self, name: str, data: bytes) -> str | None:
        """stream=True: the file's body POSTed to the upload endpoint, as the renderer does; its handle, or None
        (and the reason in errors()) when the server refuses it."""
        response = await self._http.post(self._upload_url, content=data, headers=_UPLOAD_HEADERS)
        handle = response.json().get("handle") if response.status_code == 200 else None
        if not isinstance(handle, str):
            self._rt_or_fail().reports.append(f"dcc.Upload could not upload {_js_string(name)}: the server refused "
                                              f"{_js_string(name)} (HTTP {response.status_code}): "
                                              f"{response.json().get('error', 'no handle')}")
            return None
        return handle

    @property
    def downloads(self) -> list[Downloaded]:
        """The files dcc.Downloads saved on this client so far, oldest first (kept across page loads)."""
        return list(self._downloads)

    def _downloaded(self, id_str: str, props: dict[str, Any]) -> None:
        """A callback set a Download's data: the file it saves (nothing for empty data), by the renderer's rule."""
        data = props.get("data")
        if not isinstance(data, dict) or not isinstance(data.get("content"), str):
            return
        encoded = data["base64"] if "base64" in data else bool(props.get("base64", False))
        kind = data["type"] if "type" in data else props.get("type", "text/plain")
        raw = base64.b64decode(data["content"]) if encoded else data["content"].encode("utf-8")
        self._downloads.append(Downloaded(id_str, str(data.get("filename", "download")), raw,
                                          kind if isinstance(kind, str) else ""))
