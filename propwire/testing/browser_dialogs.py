"""The browser's confirm() box in BrowserDriver, answered as the headless Client answers it (dialogs.py):
OK when `accept_dialogs` is True, else Cancel; each message kept in `dialogs`. So one test body drives a
dcc.ConfirmDialog the same way on both drivers.

Example::

    page.accept_dialogs = True
    page.click("delete")        # inside dcc.ConfirmDialogProvider(id="ask", message="Sure?")
    assert page.dialogs == ["Sure?"]
"""

from __future__ import annotations

from typing import Any


class BrowserDialogs:
    """The dialog part of BrowserDriver: `_watch_dialogs(page)` as each page is made."""

    accept_dialogs: bool = False
    dialogs: list[str]

    def _watch_dialogs(self, page: Any) -> None:
        self.dialogs = []

        async def answer(dialog: Any) -> None:  # a handler: without one Playwright dismisses every dialog itself
            self.dialogs.append(dialog.message)
            await (dialog.accept() if self.accept_dialogs else dialog.dismiss())

        page.on("dialog", answer)
