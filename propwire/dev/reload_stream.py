"""`GET /_propwire/reload` (debug only): server-sent events telling an open page what changed.

The first message carries the server's boot id; a page whose boot id differs reloads (the supervisor restarted
the app). Asset changes come from watchfiles (inotify on Linux): a changed `.css` asset is swapped in place,
any other asset change (or an added or removed file) reloads the page.

Example (what the dev server's reload route answers)::

    StreamingResponse(reload_stream(boot_id, stopping, assets_folder), media_type="text/event-stream")
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import watchfiles

RETRY_MS = 300  # how soon a page's EventSource reconnects after the stream ends (a restart)
TICK_MS = 300  # how often the stream looks at the boot id and whether the server stops
KEEP_ALIVE_SECONDS = 15


def _sse(data: dict[str, Any]) -> bytes:
    return b"data: " + json.dumps(data, separators=(",", ":")).encode() + b"\n\n"


def _visible(path: Path, folder: Path) -> bool:
    return not any(part.startswith(".") for part in path.relative_to(folder).parts)


def _scan(folder: Path) -> dict[str, int]:
    """Every visible file under the folder, with its mtime (ns)."""
    found: dict[str, int] = {}
    try:
        for path in folder.rglob("*"):
            if path.is_file() and _visible(path, folder):
                found[path.relative_to(folder).as_posix()] = path.stat().st_mtime_ns
    except OSError:  # a file removed while listing
        pass
    return found


def _asset_event(changed: list[str], added_or_removed: bool, base: str) -> dict[str, Any] | None:
    """Changed stylesheets only: swap them in place (by their URLs under `base`); anything else: reload."""
    if not changed and not added_or_removed:
        return None
    if not added_or_removed and all(p.endswith(".css") for p in changed):
        return {"css": [f"{base}/{p}" for p in sorted(changed)]}
    return {"reload": "assets"}


class _Assets:
    """What the page knows of the assets folder: its files and their mtimes when the stream began. The first
    tick compares a fresh scan with them (watchfiles sees only what happens once its watch runs, and a save can
    fall between the page's load and that moment); later ticks read watchfiles' changes, where an editor's save
    by rename (reported as an added file) still counts as a change of a known file."""

    def __init__(self, folder: Path, prefix: str, url_path: str = "assets"):
        self.folder, self.prefix = folder, f"{prefix}/{url_path.strip('/')}"  # the assets' URL base
        self.mtimes = _scan(folder)

    def caught_up(self, since: int | None) -> dict[str, Any] | None:
        """Changes since the stream began (or since `since`, when the page was made): by a scan."""
        now = _scan(self.folder)
        changed = [p for p, mtime in now.items() if p in self.mtimes
                   and (mtime != self.mtimes[p] or (since is not None and mtime > since))]
        moved = set(now) != set(self.mtimes)
        self.mtimes = now
        return _asset_event(changed, moved, self.prefix)

    def event(self, changes: set[tuple[watchfiles.Change, str]]) -> dict[str, Any] | None:
        changed: list[str] = []
        moved = False
        for _change, raw in changes:
            path = Path(raw)
            if not _visible(path, self.folder) or path.is_dir():
                continue
            rel = path.relative_to(self.folder).as_posix()
            exists = path.is_file()
            if exists and rel in self.mtimes:
                changed.append(rel)
            elif exists != (rel in self.mtimes):
                moved = True
                if exists:
                    self.mtimes[rel] = 0
                else:
                    self.mtimes.pop(rel, None)
        return _asset_event(changed, moved, self.prefix)


async def reload_stream(boot: Callable[[], str], stopping: Callable[[], bool], assets: Path | None,
                        prefix: str = "", since: int | None = None, url_path: str = "assets") -> AsyncIterator[bytes]:
    """Server-sent events for the debug page: the boot id now and whenever it changes, and asset changes.

    `prefix` is the app's URL prefix and `url_path` its assets_url_path (a swapped stylesheet's URL is
    prefix/url_path/file). `since` (ns) is when the page was made: assets changed after it, before the stream began, count as changed.
    The stream ends when the server shuts down (`stopping()`), so a restart is not held up by open pages; the
    page's EventSource then reconnects after RETRY_MS and meets the next server.
    """
    current = boot()
    yield f"retry: {RETRY_MS}\n".encode() + _sse({"boot": current})
    folder = assets.resolve() if assets is not None and assets.is_dir() else None
    tracked = await asyncio.to_thread(_Assets, folder, prefix, url_path) if folder is not None else None
    first = True
    quiet_since = time.monotonic()
    async for changes in _ticks(folder, stopping):
        if stopping():
            return
        now = boot()
        if now != current:
            current = now
            yield _sse({"boot": now})
            quiet_since = time.monotonic()
        if tracked is None:
            event = None
        elif first:  # the watch runs now: what changed before it is found by a scan (this batch included)
            event = await asyncio.to_thread(tracked.caught_up, since)
        else:
            event = tracked.event(changes) if changes else None
        first = False
        if event is not None:
            yield _sse(event)
            quiet_since = time.monotonic()
        if time.monotonic() - quiet_since >= KEEP_ALIVE_SECONDS:
            quiet_since = time.monotonic()
            yield b": keep-alive\n\n"


async def _ticks(folder: Path | None, stopping: Callable[[], bool]) -> AsyncIterator[set[Any]]:
    """The folder's changes as watchfiles reports them, or an empty set at least every TICK_MS."""
    if folder is None:
        while not stopping():
            await asyncio.sleep(TICK_MS / 1000)
            yield set()
        return
    async for changes in watchfiles.awatch(folder, rust_timeout=TICK_MS, yield_on_timeout=True, debounce=300,
                                           step=50, watch_filter=None):
        yield changes
        if stopping():
            return
