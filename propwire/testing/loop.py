"""A private asyncio event loop on a daemon thread, for the sync faces of the client and the browser driver."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

T = TypeVar("T")


class LoopThread:
    """Runs coroutines for synchronous callers; a daemon thread, so a forgotten close() never blocks exit."""

    def __init__(self, name: str = "propwire-testing"):
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name=name, daemon=True)
        self._thread.start()

    def call(self, func: Callable[..., Awaitable[T]], *args: Any) -> T:
        """Run `func(*args)` on the loop and wait for its result (its exception is raised here)."""
        if threading.current_thread() is self._thread:
            raise RuntimeError("LoopThread.call() from the loop's own thread would wait forever")
        async def awaited() -> T:  # any awaitable, as a coroutine (what run_coroutine_threadsafe takes)
            return await func(*args)

        return asyncio.run_coroutine_threadsafe(awaited(), self._loop).result()

    def close(self) -> None:
        """Cancel what is still running, stop the loop and join its thread."""
        if self._loop.is_closed():
            return

        async def cancel_rest() -> None:
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        try:
            self.call(cancel_rest)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
            if not self._thread.is_alive():
                self._loop.close()
