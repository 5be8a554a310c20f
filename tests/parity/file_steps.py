"""The `upload` step and the downloads both drivers compare (dcc.Upload, dcc.Download).

`("upload", id, [[name, text], ...])` picks files (their text UTF-8 encoded) into the Upload: in Chromium through
its file input (Playwright's set_input_files, so the Upload's own change handler reads them, on Dash as on
propwire), headless through `Client.upload`. Each file's MIME type is what Python's mimetypes guesses from its
name, given to Chromium and the headless client alike.

What Downloads saved is part of each frame's snapshot, under `(downloads)` (only once something was saved): the
list of [suggested file name, content as text (bytes that are not UTF-8 as their repr)], in the order saved.
"""

from __future__ import annotations

import asyncio
import mimetypes
from typing import Any

DOWNLOADS = "(downloads)"


def mime_of(name: str) -> str:
    return mimetypes.guess_type(name, strict=False)[0] or ""


def _text(content: bytes) -> str:
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return repr(content)


def with_downloads(snapshot: dict[str, Any], saved: list[list[str]]) -> dict[str, Any]:
    """The snapshot plus what was saved so far (nothing added while nothing was)."""
    return {**snapshot, DOWNLOADS: {"files": [list(s) for s in saved]}} if saved else snapshot


async def upload_in_browser(page: Any, locator: Any, files: list[list[str]], timeout: float) -> None:
    """Pick `files` into the Upload at `locator` through its file input."""
    payloads = [{"name": name, "mimeType": mime_of(name), "buffer": text.encode("utf-8")} for name, text in files]
    await locator.locator("input[type=file]").set_input_files(payloads, timeout=timeout * 1000)


def watch_downloads(page: Any, saved: list[list[str]], pending: set[Any]) -> None:
    """Keep every file the page downloads in `saved` ([name, text]); `pending` holds the reads not done yet."""

    async def keep(download: Any) -> None:
        path = await download.path()
        with open(path, "rb") as handle:
            saved.append([download.suggested_filename, _text(handle.read())])

    def on_download(download: Any) -> None:
        task = asyncio.ensure_future(keep(download))
        pending.add(task)
        task.add_done_callback(pending.discard)

    page.on("download", on_download)


def upload_headless(client: Any, component_id: Any, files: list[list[str]], wait: bool) -> None:
    client.upload(component_id, [(name, text.encode("utf-8"), mime_of(name)) for name, text in files], wait=wait)


def downloads_headless(client: Any) -> list[list[str]]:
    return [[d.filename, _text(d.content)] for d in client.downloads]
