"""The ASGI app: the page, the event endpoint, static files and assets."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, AsyncIterator, Protocol
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from propwire.api.dependencies import id_string
from propwire.api.serialize import loads, to_json_value
from propwire.components import spec
from propwire.components.base import Component
from propwire.core import telemetry
from propwire.core.layout import LayoutView, walk
from propwire.core.outcomes import effects_of
from propwire.protocol.lines import cookies_line, line_of
from propwire.web import cookie_token, request_guard, security_headers
from propwire.web.event_endpoint import EventEndpoint, request_info
from propwire.web.page import asset_files, entry_chunks, head, location_props, page_url, stream_page

if TYPE_CHECKING:
    from propwire.app import Dash

STATIC_DIR = Path(__file__).parent.parent / "static"
EVENT_PATH = "/_propwire/event"
HEALTH_PATH = "/_propwire/health"


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


def _no_page(request: Request, policy: security_headers.Policy) -> Response:
    """A HEAD, or a GET that is no navigation (an `<img src>`, a script, a fetch): the page's headers and
    nothing else; neither the layout function nor any callback runs (docs/security.md)."""
    headers = {"cache-control": "no-store", "vary": "sec-fetch-dest"}
    if request.method == "HEAD":
        response = Response(status_code=200, media_type="text/html; charset=utf-8", headers=headers)
        response.raw_headers += policy.headers(security_headers.new_nonce())
        return response
    dest = request.headers.get("sec-fetch-dest", "")
    return JSONResponse({"error": f"propwire pages are served to navigations only, not to a "
                                  f"Sec-Fetch-Dest: {dest} request"}, status_code=400, headers=headers)


class DevHooks(Protocol):
    """What the dev layer adds to a debug page (propwire/dev/routes.py): the web layer calls it, never imports it."""

    def page_config(self, prefix: str) -> dict[str, Any]:
        """The dev tools' part of the page config: the server's boot id, the reload stream's URL."""

    def routes(self, app: Any) -> list[Route]:
        """The dev routes (the reload stream), each answering 404 while the app is not in debug mode."""


def _page_config(app: "Dash", layout_json: Any, unknown: set[str], prefix: str, dev: DevHooks | None) -> dict:
    """What the renderer boots from: layout, graph, URLs, the browser-owned props and the outside bundles."""
    config = {"layout": layout_json, "graph": app.graph_for_client(), "eventUrl": f"{prefix}/_propwire/event",
              "cookiesUrl": f"{prefix}{cookie_token.COOKIES_PATH}", "debug": app.debug, "unknown": sorted(unknown)}
    bundles = spec.outside_scripts(prefix)
    if bundles:
        config["bundles"] = bundles  # {namespace: [script URLs]}, loaded when a page first renders one
    if app.debug:
        config["devtools"] = {"callbacks": app.engine.graph.to_devtools(), "warnings": app.startup_warnings,
                              **(dev.page_config(prefix) if dev is not None else {})}
    return config


def _page_endpoint(app: "Dash", policy: security_headers.Policy, dev: DevHooks | None) -> Any:
    """GET of any other path: the page, with its initial callbacks' results streamed into it."""

    async def page(request: Request) -> Response:
        url = page_url(request)  # request.url raises on a query string that is not UTF-8
        if urlsplit(url).path == EVENT_PATH:  # else the catch-all page route would answer a GET
            return JSONResponse({"error": "events must be POSTed"}, status_code=405, headers={"allow": "POST"})
        if request.method == "HEAD" or not request_guard.is_navigation(request.scope):
            return _no_page(request, policy)
        engine = app.engine
        if callable(app.layout):  # the app's own code, which may block: on the pool, as sync callbacks run
            layout = await engine.pool.run("layout", "layout", engine.callback_timeout, app.build_layout)
        else:
            layout = app.build_layout()
        layout_json, _ = to_json_value(layout)
        mounted = _fill_locations(layout_json, location_props(url))  # path as the browser shows it
        unknown = _client_owned(layout)
        view = LayoutView.from_layout(layout_json, unknown)
        prefix = request.scope.get("root_path", "").rstrip("/")
        config = _page_config(app, layout_json, unknown, prefix, dev)
        nonce = security_headers.new_nonce()
        top = head(app.title, [*app.external_stylesheets, *asset_files(app.assets_folder, ".css", prefix, app.assets_ignore)],
                   [*app.external_scripts, *asset_files(app.assets_folder, ".js", prefix, app.assets_ignore)],
                   prefix, nonce, entry_chunks(STATIC_DIR / "manifest.json"))
        lines = _initial_lines(engine, view, mounted, request, urlsplit(url).path)
        response = StreamingResponse(stream_page(top, config, lines, prefix, nonce),
                                     media_type="text/html; charset=utf-8",
                                     headers={"cache-control": "no-store", "vary": "sec-fetch-dest"})
        response.raw_headers += policy.headers(nonce)
        return response

    return page


async def _initial_lines(engine: Any, view: LayoutView, mounted: Any, request: Request,
                         path: str) -> AsyncIterator[dict]:
    """The page's initial callbacks, as stream lines, as each finishes (the page's headers went out first, so
    their cookies travel sealed)."""
    with telemetry.span("propwire page", {"propwire.path": path}):
        chain = engine.initial(view, mounted)
        chain.request = request_info(request.scope)
        async for batch in chain:
            for item in batch.items:
                if (effects := effects_of(item)) is not None and effects.cookies:
                    yield cookies_line(cookie_token.seal(effects.cookies, 0))
                yield line_of(item)
    yield {"done": {"seq": 0}}


def _cookies_endpoint(app: "Dash") -> Any:
    """POST /_propwire/cookies: late cookies' tokens exchanged for Set-Cookie headers."""

    async def cookies(request: Request) -> Response:
        """A sealed token from a `cookies` stream line in, its real Set-Cookie headers out (cookie_token.py)."""
        refused = request_guard.refuse_post(request.scope, app.allowed_origins)
        if refused:
            return _error(refused[1], refused[0])
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

    return cookies


def build_server(app: "Dash", dev: DevHooks | None = None) -> "Server":
    """The Starlette app for one propwire app; `dev` adds the dev layer's routes and page config."""
    policy = security_headers.Policy([*app.external_scripts], [*app.external_stylesheets], app.frame_ancestors,
                                     app.content_security_policy)
    events = EventEndpoint(app)
    routes = [
        Route(EVENT_PATH, events, methods=["POST"]),
        Route(cookie_token.COOKIES_PATH, _cookies_endpoint(app), methods=["POST"]),
        *(dev.routes(app) if dev is not None else []),
        Mount("/_propwire/static", app=StaticFiles(directory=STATIC_DIR, check_dir=False), name="static"),
        Route("/assets/{path:path}", _asset_endpoint(app), methods=["GET"]),
        Route("/favicon.ico", lambda r: Response(status_code=204), methods=["GET"]),
        Route(HEALTH_PATH, lambda r: PlainTextResponse("ok", headers={"cache-control": "no-store"}), methods=["GET"]),
        Route("/{path:path}", _page_endpoint(app, policy, dev), methods=["GET"]),
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
        if scope["type"] != "http":
            return await super().__call__(scope, receive, send)
        refused = request_guard.duplicate_host(scope)
        if refused:
            return await JSONResponse({"error": refused[1]}, status_code=refused[0])(scope, receive, send)
        if scope["method"] == "POST" and not self.user_middleware and _route_path(scope) == EVENT_PATH:
            scope["app"] = self
            return await _guarded(self.events, scope, receive, send)
        await super().__call__(scope, receive, _with_common_headers(send))


def _with_common_headers(send: Send) -> Send:
    """Every answer but an event's gets nosniff and the Referrer-Policy (unless it set them itself)."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            have = {name for name, _ in message.get("headers", [])}
            extra = [(name, value) for name, value in security_headers.COMMON if name not in have]
            if extra:
                message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return sending


def _asset_endpoint(app: "Dash") -> Any:
    """The /assets/ route: files inside the assets folder, no dotfiles unless listed, 404 for the rest."""

    async def asset(request: Request) -> Response:
        path = request.path_params["path"]
        if "\x00" in path:  # no file has a NUL in its name; resolving one would raise (a 500)
            return _error("no asset with a NUL in its path", 404)
        folder = app.assets_folder.resolve()
        target = (folder / path).resolve()
        if any(part.startswith(".") for part in path.split("/")) and path not in app.assets_serve_dotfiles:
            return _error(f"no asset '{path}'", 404)
        if not _servable(folder, target, app.assets_serve_dotfiles):
            return _error(f"no asset '{path}'", 404)
        return FileResponse(target)

    return asset


def _servable(folder: Path, target: Path, dotfiles: list[str]) -> bool:
    """An asset is a file inside the folder; a dotfile or anything under a dot-directory (.env, .git/) only
    when listed in Dash(assets_serve_dotfiles=[...]) by its path under the folder."""
    if folder not in target.parents or not target.is_file():
        return False
    relative = target.relative_to(folder).as_posix()
    hidden = any(part.startswith(".") for part in relative.split("/"))
    return not hidden or relative in dotfiles


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
