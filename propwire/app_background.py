"""Background callbacks in the app: the engine's invoker becomes a BackgroundInvoker when any callback has
background=True, and each such callback must have a manager (its own manager= or the app's). Example::

    app = Dash(background_callback_manager=DiskcacheManager(diskcache.Cache("./cache")))
    background_invoker(app.engine, app.background_callback_manager)  # done by app.engine itself
"""

from __future__ import annotations

from typing import Any

from propwire.api.exceptions import MissingLongCallbackManagerError
from propwire.core.engine import Engine


def background_invoker(engine: Engine, default_manager: Any) -> None:
    """Route background callbacks' calls to their managers; an error names a callback with no manager."""
    background = [cb for cb in engine.graph.callbacks if cb.background is not None]
    if not background:
        return
    for cb in background:
        if cb.background.manager is None and default_manager is None:  # type: ignore[union-attr]
            raise MissingLongCallbackManagerError(
                f"{cb.describe()} has background=True but no manager: pass manager=DiskcacheManager(...) to it, "
                "or Dash(background_callback_manager=...)")
    from propwire.background_invoker import BackgroundInvoker

    engine.invoker = BackgroundInvoker(engine, default_manager,
                                       [cb.background.manager for cb in background if cb.background is not None])
