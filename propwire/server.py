"""The ASGI app: the page, the event endpoint, static files and assets."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, AsyncIterator

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from . import reloader, telemetry
from .components.base import Component
from .dependencies import id_string
from .event_response import EventStream
from .exceptions import BadEvent
from .layout import LayoutView, walk
from .page import asset_files, head, location_props, stream_page
from .protocol import parse_event
from .serialize import to_json_value

if TYPE_CHECKING:
    from .app import Dash

STATIC_DIR = Path(__file__).parent / "static"
def _error(message: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise BadEvent(f"the event is {declared} bytes; the limit is {limit} (Dash(max_event_bytes=...))", 413)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BadEvent(f"the event is over the limit of {limit} bytes (Dash(max_event_bytes=...))", 413)
        chunks.append(chunk)
    return b"".join(chunks)


def _client_owned(layout: Any) -> set[str]:
    """Prop keys only the browser knows at load (local/session stores, the URL hash)."""
    roots = layout if isinstance(layout, list) else [layout]
    keys: set[str] = set()
    for root in roots:
        for comp in [root, *root._traverse()] if isinstance(root, Component) else []:
            if comp.id is None:
                continue
            owned = comp.client_owned_props() if hasattr(comp, "client_owned_props") else ()
            keys.update(f"{id_string(comp.id)}.{p}" for p in owned)
    return keys


def build_server(app: "Dash") -> Starlette:
    """The Starlette app for one propwire app."""

    async def event(request: Request) -> Response:
        if not request.headers.get("content-type", "").startswith("application/json"):
            return _error("events must be sent as application/json", 415)
        engine = app.engine
        try:
            body = await _read_body(request, app.max_event_bytes)
            seq, parsed = parse_event(body, engine.graph)
            view = engine.view_for(parsed)
        except BadEvent as exc:
            return _error(str(exc), exc.status)
        except (TypeError, AttributeError) as exc:  # changed values holding malformed component JSON
            return _error(f"the event's 'changed' values are not valid component JSON: {exc}")
        attributes = {"propwire.changed": sorted(parsed.changed),
                      "propwire.run": [i for i, _ in parsed.run]} if telemetry.enabled() else None
        return EventStream(engine.event(parsed, view), seq, attributes)  # type: ignore[return-value]

    async def page(request: Request) -> Response:
        if request.url.path == "/_propwire/event":  # else the catch-all page route would answer a GET
            return JSONResponse({"error": "events must be POSTed"}, status_code=405, headers={"allow": "POST"})
        engine = app.engine
        layout = app.build_layout()
        layout_json, _ = to_json_value(layout)
        _fill_locations(layout_json, location_props(str(request.url)))  # path as the browser shows it
        unknown = _client_owned(layout)
        view = LayoutView.from_layout(layout_json, unknown)
        prefix = request.scope.get("root_path", "").rstrip("/")
        config = {"layout": layout_json, "graph": app.graph_for_client(), "eventUrl": f"{prefix}/_propwire/event",
                  "debug": app.debug, "unknown": sorted(unknown)}
        if app.debug:
            config["devtools"] = {"callbacks": engine.graph.to_devtools(), "boot": reloader.boot_id(),
                                  "reloadUrl": f"{prefix}/_propwire/reload?since={time.time_ns()}"}
        top = head(app.title, [*app.external_stylesheets, *asset_files(app.assets_folder, ".css", prefix)],
                   [*app.external_scripts, *asset_files(app.assets_folder, ".js", prefix)], prefix)

        async def lines() -> AsyncIterator[dict]:
            with telemetry.span("propwire page", {"propwire.path": request.url.path}):
                async for batch in engine.initial(view):
                    for step in batch.steps:
                        yield step.line
            yield {"done": {"seq": 0}}

        return StreamingResponse(stream_page(top, config, lines(), prefix), media_type="text/html; charset=utf-8",
                                 headers={"cache-control": "no-store", "x-content-type-options": "nosniff"})

    async def asset(request: Request) -> Response:
        path = request.path_params["path"]
        folder = app.assets_folder.resolve()
        target = (folder / path).resolve()
        if folder not in target.parents or not target.is_file():
            return _error(f"no asset '{path}'", 404)
        return FileResponse(target)

    async def reload(request: Request) -> Response:
        """Debug only: server-sent events telling the page to reload (a new server) or swap a stylesheet."""
        if not app.debug:
            return _error("not found", 404)
        prefix = request.scope.get("root_path", "").rstrip("/")
        boot = reloader.boot_id()
        since = request.query_params.get("since", "")
        stream = reloader.reload_stream(lambda: boot, lambda: app._dev_stopping(), app.assets_folder, prefix,
                                        int(since) if since.isdigit() else None)
        return StreamingResponse(stream, media_type="text/event-stream",
                                 headers={"cache-control": "no-store", "x-content-type-options": "nosniff"})

    routes = [
        Route("/_propwire/event", event, methods=["POST"]),
        Route("/_propwire/reload", reload, methods=["GET"]),
        Mount("/_propwire/static", app=StaticFiles(directory=STATIC_DIR, check_dir=False), name="static"),
        Route("/assets/{path:path}", asset, methods=["GET"]),
        Route("/favicon.ico", lambda r: Response(status_code=204), methods=["GET"]),
        Route("/{path:path}", page, methods=["GET"]),
    ]
    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        app.engine  # validate the app before the first request, however it is served
        yield

    return Starlette(routes=routes, lifespan=lifespan)


def _fill_locations(layout_json: Any, props: dict[str, str]) -> None:
    for comp, _ in walk(layout_json):
        if comp.get("namespace") == "dcc" and comp.get("type") == "Location":
            comp["props"].update(props)
