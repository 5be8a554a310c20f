"""dcc.Upload and dcc.Download in BrowserDriver, as the headless Client has them (files.py): `upload(...)` puts
the files on the Upload's own <input type=file> (Playwright's set_input_files, so the renderer's change handler
reads them), and `downloads` holds what the page saved (Playwright's download event: name and bytes).

Example::

    page.upload("csv", "table.csv", b"a,b\\n1,2\\n")
    page.click("save")
    page.downloads[-1].content   # b'...': what dcc.Download saved
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from propwire.testing.components import WrongComponent, kind_of, show_id
from propwire.testing.files import Downloaded, FileSpec, _files

# The Download that saved a blob URL, and the Blob type it gave (the renderer's savedDownloads: components/download.tsx).
_DOWNLOAD_OF = """url => { const s = window.propwire.savedDownloads?.get(url); return s ? [s.id, s.type] : ['', '']; }"""


class BrowserFileVerbs:
    """The file part of BrowserDriver (it supplies page, timeout, _call, _comp, _locator and _done);
    `_watch_downloads(page)` as each page is made."""

    page: Any
    timeout: float
    _call: Any
    _comp: Any
    _locator: Any
    _done: Any
    _reports: list[str]

    def _watch_downloads(self, page: Any) -> None:
        self._downloads: list[Downloaded] = []
        self._saving: set[asyncio.Task] = set()

        async def keep(download: Any) -> None:
            name = download.suggested_filename
            id_str, kind = await page.evaluate(_DOWNLOAD_OF, download.url)
            with open(await download.path(), "rb") as handle:
                self._downloads.append(Downloaded(id_str, name, handle.read(), kind))

        def on_download(download: Any) -> None:
            task = asyncio.ensure_future(keep(download))
            self._saving.add(task)
            task.add_done_callback(self._saving.discard)

        page.on("download", on_download)

    def upload(self, component_id: Any, files: str | Sequence[FileSpec], content: bytes | None = None,
               type: str | None = None, *, wait: bool = True) -> None:
        """Pick files into a dcc.Upload through its file input, as Client.upload (same arguments, same errors)::

            page.upload("up", [("a.csv", b"1"), ("b.png", png, "image/png")])
        """
        picked = _files(files, content, type)

        async def go() -> None:
            comp = await self._comp(component_id)
            if kind_of(comp) != "dcc.Upload":
                raise WrongComponent(f"cannot upload into {show_id(component_id)}: it is a {kind_of(comp)}, not a "
                                     f"dcc.Upload")
            props = comp["props"]
            if props.get("disabled"):
                raise WrongComponent(f"cannot upload into {show_id(component_id)}: it is disabled")
            if len(picked) > 1 and not props.get("multiple"):
                raise WrongComponent(f"cannot upload {len(picked)} files into {show_id(component_id)}: it takes "
                                     f"one (multiple is not set)")
            payloads = [{"name": name, "mimeType": mime, "buffer": data} for name, data, mime in picked]
            field = self._locator(component_id).locator("input[type=file]")
            await field.set_input_files(payloads, timeout=self.timeout * 1000)
            await self._done(wait)

        self._call(go)

    @property
    def downloads(self) -> list[Downloaded]:
        """The files dcc.Downloads saved in this page so far, oldest first, as Client.downloads."""
        async def go() -> list[Downloaded]:
            if self._saving:
                await asyncio.wait(list(self._saving), timeout=self.timeout)
            return list(self._downloads)

        return self._call(go)
