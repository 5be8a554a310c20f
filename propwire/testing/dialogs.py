"""The browser's confirm() box, headless: dcc.ConfirmDialog and dcc.ConfirmDialogProvider.

In the browser the box blocks the page until the user answers; here the answer is the Client's
`accept_dialogs` (False, Cancel, by default: what Playwright answers when no handler is set), and every
message shown is kept in `dialogs`, in order.

Example::

    client.accept_dialogs = True
    client.click("delete")              # a button inside dcc.ConfirmDialogProvider(id="ask")
    client.dialogs[-1]                  # -> its message
    client.prop("ask", "submit_n_clicks")   # -> 1
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from propwire.api.dependencies import id_string
from propwire.testing.runtime import Runtime

DIALOG_KINDS = ("dcc.ConfirmDialog", "dcc.ConfirmDialogProvider")


def provider_around(store: Any, id_str: str) -> str | None:
    """The id of the dcc.ConfirmDialogProvider whose direct child `id_str` is (its click is taken over), or None."""
    entry = store.entry(id_str)
    if entry is None or not entry.ancestry:
        return None
    owner_id = entry.ancestry[-1].rpartition(".")[0]
    owner = store.entry(owner_id)
    if owner is None or (owner.comp["namespace"], owner.comp["type"]) != ("dcc", "ConfirmDialogProvider"):
        return None
    children = owner.comp["props"].get("children")
    for child in children if isinstance(children, list) else [children]:
        own = child.get("props", {}).get("id") if isinstance(child, dict) else None
        if own is not None and id_string(own) == id_str:
            return owner_id
    return None


class DialogVerbs:
    """The confirm-dialog part of the Client (it supplies _rt_or_fail and _count; the hooks chain by super())."""

    accept_dialogs: bool
    dialogs: list[str]
    _raised: set[str]
    _count: Callable[[str, str], int]  # ComponentEffects' (a declaration only: a stub here would shadow it)

    def _rt_or_fail(self) -> Runtime:
        raise NotImplementedError

    def _mounted(self, id_str: str, inserted: bool = False) -> None:
        super()._mounted(id_str, inserted)  # type: ignore[misc]
        self._raised.discard(id_str)  # a new page (or a new component) starts with no box up
        self._dialog_check(id_str)

    def _after_set(self, id_str: str, prop: str, user: bool) -> None:
        super()._after_set(id_str, prop, user)  # type: ignore[misc]
        if prop == "displayed":
            self._dialog_check(id_str)

    def _dialog_check(self, id_str: str) -> None:
        """The box comes up when `displayed` turns truthy (not while it stays so), as Dash's componentDidUpdate."""
        rt = self._rt_or_fail()
        entry = rt.store.entry(id_str)
        if entry is None or f"{entry.comp['namespace']}.{entry.comp['type']}" not in DIALOG_KINDS:
            return
        if not entry.comp["props"].get("displayed"):
            self._raised.discard(id_str)
        elif id_str not in self._raised:
            self._raised.add(id_str)
            rt.effects.append(lambda: self._answer(id_str))

    def _answer(self, id_str: str) -> None:
        rt = self._rt_or_fail()
        entry = rt.store.entry(id_str)
        if entry is None:
            return
        self.dialogs.append(str(entry.comp["props"].get("message") or ""))
        which = "submit" if self.accept_dialogs else "cancel"
        rt.user_change([(id_str, {f"{which}_n_clicks": self._count(id_str, f"{which}_n_clicks"),
                                  f"{which}_n_clicks_timestamp": int(time.time() * 1000), "displayed": False})])
