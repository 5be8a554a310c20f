"""The dev layer's part of the web server: the reload stream's route and the dev tools' page config.

The web layer takes this as its `DevHooks` (propwire/web/page_route.py) from `propwire.app`, so it never
imports dev. The routes read only what they use: whether the app is in debug mode, and the assets folder.

Example::

    build_server(engine, page, assets, limits, dev=DEV_HOOKS)   # what Dash.server does
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from propwire.dev.child import boot_id, stopping
from propwire.dev.reload_stream import reload_stream
from propwire.web.spec import Assets

RELOAD_PATH = "/_propwire/reload"


class _Hooks:
    def page_config(self, prefix: str) -> dict[str, Any]:
        return {"boot": boot_id(), "reloadUrl": f"{prefix}{RELOAD_PATH}?since={time.time_ns()}"}

    def routes(self, debug: Callable[[], bool], assets: Assets) -> list[BaseRoute]:
        return [Route(RELOAD_PATH, _reload_endpoint(debug, assets), methods=["GET"])]


DEV_HOOKS = _Hooks()


def _reload_endpoint(debug: Callable[[], bool], assets: Assets) -> Any:
    """GET /_propwire/reload (debug only): server-sent events telling the page to reload (a new server) or
    swap a stylesheet."""

    async def reload(request: Request) -> Response:
        if not debug():
            return JSONResponse({"error": "not found"}, status_code=404)
        # the app's prefix is whatever this route's own path has before RELOAD_PATH (a mount, url_base_pathname)
        prefix = request.url.path[:-len(RELOAD_PATH)] if request.url.path.endswith(RELOAD_PATH) else ""
        boot = boot_id()
        since = request.query_params.get("since", "")
        stream = reload_stream(lambda: boot, stopping, assets.folder, prefix.rstrip("/"),
                               int(since) if since.isdigit() else None, assets.url_path)
        return StreamingResponse(stream, media_type="text/event-stream",
                                 headers={"cache-control": "no-store", "x-content-type-options": "nosniff"})

    return reload
