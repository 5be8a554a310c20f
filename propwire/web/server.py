"""The ASGI app: the page, the event endpoint, static files and assets, built from an engine, a page spec,
the assets and the limits (spec.py), never from the `Dash` object.

It is a plain Starlette app, so a host app can mount it (`Mount("/dash", app=app.server)`, FastAPI's
`app.mount`) and keep its own middleware and exception handlers, and middleware added to it
(`app.server.add_middleware(...)`) sees every request. The event route, the hot path of every user action, is a
`FastRoute`: a raw ASGI route that the server's stack dispatches right after Starlette's error middleware and
all the app's own middleware, ahead of the exception middleware and the router (docs/deploy.md).

Example (what `Dash.server` does)::

    server = build_server(lambda: app.engine, app_page_spec, Assets(folder), Limits(), dev=DEV_HOOKS)
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from propwire.api.serialize import loads
from propwire.web import cookie_token, request_guard, security_headers
from propwire.web.compress import GzipMiddleware
from propwire.web.event_endpoint import EventEndpoint
from propwire.web.page import STATIC_DIR
from propwire.web.page_route import EVENT_PATH, DevHooks, page_endpoint, policy_for, route_path
from propwire.web.spec import Assets, EngineProvider, Limits, PageSpec, Paths
from propwire.web.static_files import GzipStaticFiles
from propwire.web.suites import SUITES, suite_file
from propwire.web.uploads import UPLOAD_PATH, upload_endpoint

__all__ = ["EVENT_PATH", "HEALTH_PATH", "DevHooks", "FastRoute", "Server", "build_server"]

HEALTH_PATH = "/_propwire/health"


def _error(message: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _cookies_endpoint(limits: Limits) -> Any:
    """POST /_propwire/cookies: late cookies' tokens exchanged for Set-Cookie headers."""

    async def cookies(request: Request) -> Response:
        """A sealed token from a `cookies` stream line in, its real Set-Cookie headers out (cookie_token.py)."""
        refused = request_guard.refuse_post(request.scope, limits.allowed_origins)
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


def build_server(engine: EngineProvider, page: Callable[[], PageSpec], assets: Assets, limits: Limits,
                 dev: DevHooks | None = None, paths: Paths = Paths(), compress: bool = False) -> Server:
    """The Starlette app serving one engine: `page()` is asked for on every page load (and for a HEAD's
    headers); `dev` adds the dev layer's routes and page config. The engine is asked for at start-up (its
    lifespan: an app that does not validate fails before serving) and on every event and page. Every route is
    under `paths.routes` (Dash's routes_pathname_prefix); `compress` gzips answers for clients that accept it.

    Example::

        server = build_server(lambda: engine, lambda: PageSpec("demo", lambda: layout, engine.graph.to_client),
                              Assets(Path("assets")), Limits())
    """
    policy_for(PageSpec("", lambda: None, dict), limits)  # a bad content_security_policy fails here, not per page
    events = EventEndpoint(engine, limits)
    spec_debug = lambda: page().debug  # noqa: E731 - the dev routes answer only while the app is in debug mode
    root = paths.routes.rstrip("/")
    routes = [
        FastRoute(root + EVENT_PATH, events),
        Route(root + cookie_token.COOKIES_PATH, _cookies_endpoint(limits), methods=["POST"]),
        Route(root + UPLOAD_PATH, upload_endpoint(limits), methods=["POST"]),
        *_under(root, dev.routes(spec_debug, assets) if dev is not None else []),
        Mount(root + "/_propwire/static", app=GzipStaticFiles(directory=STATIC_DIR, check_dir=False), name="static"),
        Route(f"{root}/{assets.url_path.strip('/')}/{{path:path}}", _asset_endpoint(assets), methods=["GET"]),
        Route(root + SUITES + "/{namespace}/{path:path}", suite_file, methods=["GET"]),
        Route(root + "/favicon.ico", lambda r: Response(status_code=204), methods=["GET"]),
        Route(root + HEALTH_PATH, lambda r: PlainTextResponse("ok", headers={"cache-control": "no-store"}),
              methods=["GET"]),
        Route(root + "/{path:path}", page_endpoint(engine, page, assets, limits, dev, paths), methods=["GET"]),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        engine()  # validate the app before the first request, however it is served
        cookie_token.check_workers()  # several workers need one shared key for late cookies
        yield

    server = Server(routes=routes, lifespan=lifespan,
                    middleware=[Middleware(GzipMiddleware)] if compress else None)
    server.event_path = root + EVENT_PATH
    return server


def _under(root: str, routes: list[Any]) -> list[Any]:
    """The dev layer's routes moved under the routes prefix."""
    if not root:
        return routes
    return [Route(root + r.path, r.endpoint, methods=sorted(r.methods or ())) if isinstance(r, Route) else r
            for r in routes]


class FastRoute(Route):
    """A POST route to a raw ASGI app that answers its own errors: `Server` hands it its requests once Starlette's
    error middleware and all the app's middleware have run, without the exception middleware's wrappers or the
    router's search through the routes. Anywhere else (another router) it is an ordinary Route.

    Example::

        Server(routes=[FastRoute("/_propwire/event", EventEndpoint(engine, limits)), ...])
    """

    def __init__(self, path: str, app: ASGIApp):
        super().__init__(path, app, methods=["POST"])
        self.asgi = app


class _FastRoutes:
    """The innermost of the server's middleware, inside the app's own: a POST to a FastRoute's exact path goes to
    it, the rest on to Starlette's exception middleware and the router."""

    def __init__(self, app: ASGIApp, fast: dict[str, ASGIApp]):
        self.app, self.fast = app, fast

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            fast = self.fast.get(route_path(scope))
            if fast is not None:
                return await fast(scope, receive, send)
        await self.app(scope, receive, send)


class Server(Starlette):
    """Starlette, plus two checks on every HTTP request, inside whatever host or middleware wraps it: a request
    with two Host headers is refused, and every answer but an event's gets nosniff and a Referrer-Policy. Its
    FastRoutes are dispatched after all the middleware, in front of the router."""

    event_path = EVENT_PATH  # build_server puts it under the routes prefix

    def build_middleware_stack(self) -> ASGIApp:
        """Starlette's own stack (its error middleware outermost, then the app's middleware, then its exception
        middleware and the router), with the FastRoutes dispatched right after the app's middleware. A FastRoute
        answers its own errors (the event endpoint: a 4xx JSON for a bad request), so it skips the exception
        middleware's Request and wrappers; anything it raises reaches the error middleware (a 500, or the app's
        own 500/Exception handler)."""
        fast = {route.path: route.asgi for route in self.router.routes if isinstance(route, FastRoute)}
        user = self.user_middleware
        self.user_middleware = [*user, Middleware(_FastRoutes, fast=fast)]
        try:
            return super().build_middleware_stack()
        finally:
            self.user_middleware = user

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await super().__call__(scope, receive, send)
        refused = request_guard.duplicate_host(scope)
        if refused:
            return await JSONResponse({"error": refused[1]}, status_code=refused[0])(scope, receive, send)
        if scope["method"] == "POST" and route_path(scope) == self.event_path:  # sets its own headers
            return await super().__call__(scope, receive, send)
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


def _asset_endpoint(assets: Assets) -> Any:
    """The /assets/ route: files inside the assets folder, no dotfiles unless listed, 404 for the rest."""

    async def asset(request: Request) -> Response:
        path = request.path_params["path"]
        if "\x00" in path:  # no file has a NUL in its name; resolving one would raise (a 500)
            return _error("no asset with a NUL in its path", 404)
        folder = assets.folder.resolve()
        target = (folder / path).resolve()
        if any(part.startswith(".") for part in path.split("/")) and path not in assets.serve_dotfiles:
            return _error(f"no asset '{path}'", 404)
        if not _servable(folder, target, assets.serve_dotfiles):
            return _error(f"no asset '{path}'", 404)
        return FileResponse(target)

    return asset


def _servable(folder: Path, target: Path, dotfiles: tuple[str, ...]) -> bool:
    """An asset is a file inside the folder; a dotfile or anything under a dot-directory (.env, .git/) only
    when listed in Dash(assets_serve_dotfiles=[...]) by its path under the folder."""
    if folder not in target.parents or not target.is_file():
        return False
    relative = target.relative_to(folder).as_posix()
    hidden = any(part.startswith(".") for part in relative.split("/"))
    return not hidden or relative in dotfiles
