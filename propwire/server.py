"""The ASGI app: the page, the event endpoint, static files and assets."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, AsyncIterator
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import cookie_token, reloader, telemetry
from .components.base import Component
from .dependencies import id_string
from .event_endpoint import EventEndpoint, request_info
from .layout import LayoutView, walk
from .page import asset_files, head, location_props, page_url, stream_page
from .serialize import loads, to_json_value

if TYPE_CHECKING:
    from .app import Dash

STATIC_DIR = Path(__file__).parent / "static"
EVENT_PATH = "/_propwire/event"


def _error(message: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


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


def build_server(app: "Dash") -> "Server":
    """The Starlette app for one propwire app."""

    async def page(request: Request) -> Response:
        url = page_url(request)  # request.url raises on a query string that is not UTF-8
        if urlsplit(url).path == EVENT_PATH:  # else the catch-all page route would answer a GET
            return JSONResponse({"error": "events must be POSTed"}, status_code=405, headers={"allow": "POST"})
        engine = app.engine
        layout = app.build_layout()
        layout_json, _ = to_json_value(layout)
        mounted = _fill_locations(layout_json, location_props(url))  # path as the browser shows it
        unknown = _client_owned(layout)
        view = LayoutView.from_layout(layout_json, unknown)
        prefix = request.scope.get("root_path", "").rstrip("/")
        config = {"layout": layout_json, "graph": app.graph_for_client(), "eventUrl": f"{prefix}/_propwire/event",
                  "cookiesUrl": f"{prefix}{cookie_token.COOKIES_PATH}", "debug": app.debug, "unknown": sorted(unknown)}
        if app.debug:
            config["devtools"] = {"callbacks": engine.graph.to_devtools(), "warnings": app.startup_warnings,
                                  "boot": reloader.boot_id(),
                                  "reloadUrl": f"{prefix}/_propwire/reload?since={time.time_ns()}"}
        top = head(app.title, [*app.external_stylesheets, *asset_files(app.assets_folder, ".css", prefix)],
                   [*app.external_scripts, *asset_files(app.assets_folder, ".js", prefix)], prefix)

        async def lines() -> AsyncIterator[dict]:
            with telemetry.span("propwire page", {"propwire.path": urlsplit(url).path}):
                chain = engine.initial(view, mounted)
                chain.request = request_info(request.scope)
                async for batch in chain:
                    for step in batch.steps:
                        # the page's headers went out first: its callbacks' cookies travel sealed
                        if step.call is not None and step.call.response.cookies:
                            yield {"cookies": {"token": cookie_token.seal(list(step.call.response.cookies), 0)}}
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

    async def cookies(request: Request) -> Response:
        """A sealed token from a `cookies` stream line in, its real Set-Cookie headers out (cookie_token.py)."""
        body = await request.body()
        try:
            data = loads(body) if len(body) <= 70_000 else None
        except ValueError:
            data = None
        if not isinstance(data, dict):
            return _error("expected a JSON object {'seq': <event seq>, 'token': <token>}", 400)
        try:
            values = cookie_token.open_token(data.get("token"), data.get("seq"))
        except cookie_token.BadToken as exc:
            return _error(str(exc), exc.status)
        response = Response(status_code=204, headers={"cache-control": "no-store"})
        for value in values:
            response.raw_headers.append((b"set-cookie", value.encode("latin-1")))
        return response

    events = EventEndpoint(app)
    routes = [
        Route(EVENT_PATH, events, methods=["POST"]),
        Route(cookie_token.COOKIES_PATH, cookies, methods=["POST"]),
        Route("/_propwire/reload", reload, methods=["GET"]),
        Mount("/_propwire/static", app=StaticFiles(directory=STATIC_DIR, check_dir=False), name="static"),
        Route("/assets/{path:path}", asset, methods=["GET"]),
        Route("/favicon.ico", lambda r: Response(status_code=204), methods=["GET"]),
        Route("/{path:path}", page, methods=["GET"]),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        app.engine  # validate the app before the first request, however it is served
        cookie_token.check_workers()  # several workers need one shared key for late cookies
        yield

    return Server(routes=routes, lifespan=lifespan, events=events)


class Server(Starlette):
    """Starlette, with events taken straight to their endpoint when the app added no middleware of its own
    (the router and Starlette's own middleware cost a tenth of an event; an app's middleware always runs)."""

    def __init__(self, *, events: EventEndpoint, **options: Any):
        super().__init__(**options)
        self.events = events

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] == "http" and scope["method"] == "POST" and not self.user_middleware
                and _route_path(scope) == EVENT_PATH):
            scope["app"] = self
            return await _guarded(self.events, scope, receive, send)
        await super().__call__(scope, receive, send)


def _route_path(scope: Scope) -> str:
    path, root = scope["path"], scope.get("root_path", "")
    return path[len(root):] if root and path.startswith(root) else path


async def _guarded(endpoint: ASGIApp, scope: Scope, receive: Receive, send: Send) -> None:
    """What Starlette's error middleware does: an unexpected error is a bare 500 (and goes on to the log)."""
    started = False

    async def tracked(message: Message) -> None:
        nonlocal started
        started = True
        await send(message)

    try:
        await endpoint(scope, receive, tracked)
    except Exception:
        if not started:
            await send({"type": "http.response.start", "status": 500,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", b"21")]})
            await send({"type": "http.response.body", "body": b"Internal Server Error"})
        raise


def _fill_locations(layout_json: Any, props: dict[str, str]) -> list[str]:
    """Put the page's URL into every dcc.Location; returns the keys that changed, which (as in Dash, where the
    component sets them as it mounts) count as written at load."""
    changed: list[str] = []
    for comp, _ in walk(layout_json):
        if comp.get("namespace") == "dcc" and comp.get("type") == "Location":
            own = comp["props"]
            if own.get("id") is not None:
                changed += [f"{id_string(own['id'])}.{k}" for k, v in props.items() if own.get(k) != v]
            own.update(props)
    return changed
