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
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from propwire.api.serialize import loads
from propwire.web import cookie_token, request_guard, security_headers
from propwire.web.auth import AuthHook, Gate, GateMiddleware
from propwire.web.compress import GzipMiddleware
from propwire.web.event_endpoint import EventEndpoint
from propwire.web.event_socket import POLICY_VIOLATION, SOCKET_PATH, EventSocket
from propwire.web.flask_bridge import FlaskSide
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
                 dev: DevHooks | None = None, paths: Paths = Paths(), compress: bool = False,
                 auth: AuthHook | None = None, auth_public: tuple[str, ...] = (), flask: FlaskSide | None = None,
                 adopt_flask: Callable[[], FlaskSide] | None = None) -> Server:
    """The Starlette app serving one engine: `page()` is asked for on every page load (and for a HEAD's
    headers); `dev` adds the dev layer's routes and page config. The engine is asked for at start-up (its
    lifespan: an app that does not validate fails before serving) and on every event and page. Every route is
    under `paths.routes` (Dash's routes_pathname_prefix); `compress` gzips answers for clients that accept it.
    `auth` guards every route but the renderer's files and the health check (those in `auth_public` too);
    `flask` is a Flask app served beside propwire's routes (auth.py, flask_bridge.py); without one,
    `adopt_flask` makes one the first time the app asks `app.server` for a Flask attribute (`server.route`).

    Example::

        server = build_server(lambda: engine, lambda: PageSpec("demo", lambda: layout, engine.graph.to_client),
                              Assets(Path("assets")), Limits())
    """
    policy_for(PageSpec("", lambda: None, dict), limits)  # a bad content_security_policy fails here, not per page
    events = EventEndpoint(engine, limits)
    socket_on = lambda: limits.event_socket and server.sockets_on()  # noqa: E731 - asked per page and handshake
    spec_debug = lambda: page().debug  # noqa: E731 - the dev routes answer only while the app is in debug mode
    root = paths.routes.rstrip("/")
    routes = [
        FastRoute(root + EVENT_PATH, events),
        WebSocketRoute(root + SOCKET_PATH, EventSocket(engine, limits, socket_on)),
        Route(root + cookie_token.COOKIES_PATH, _cookies_endpoint(limits), methods=["POST"]),
        Route(root + UPLOAD_PATH, upload_endpoint(limits), methods=["POST"]),
        *_under(root, dev.routes(spec_debug, assets) if dev is not None else []),
        Mount(root + "/_propwire/static", app=GzipStaticFiles(directory=STATIC_DIR, check_dir=False), name="static"),
        Route(f"{root}/{assets.url_path.strip('/')}/{{path:path}}", _asset_endpoint(assets), methods=["GET"]),
        Route(root + SUITES + "/{namespace}/{path:path}", suite_file, methods=["GET"]),
        Route(root + "/favicon.ico", lambda r: Response(status_code=204), methods=["GET"]),
        Route(root + HEALTH_PATH, lambda r: PlainTextResponse("ok", headers={"cache-control": "no-store"}),
              methods=["GET"]),
        Route(root + "/{path:path}", page_endpoint(engine, page, assets, limits, dev, paths, socket_on),
              methods=["GET"]),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        engine()  # validate the app before the first request, however it is served
        cookie_token.check_workers()  # several workers need one shared key for late cookies
        yield

    server: Server = Server(routes=routes, lifespan=lifespan,
                    middleware=[Middleware(GzipMiddleware)] if compress else None)
    server.event_path = root + EVENT_PATH
    reserved = (root + "/_propwire/", f"{root}/{assets.url_path.strip('/')}/", root + SUITES + "/",
                root + "/favicon.ico")
    server.gate_paths = reserved, (root + "/_propwire/static/", root + HEALTH_PATH)
    server.adopt_flask = adopt_flask
    if auth is not None or flask is not None:
        server.gate = Gate(auth, auth_public, flask, *server.gate_paths)
        server.flask = flask.app if flask is not None else None
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
    FastRoutes are dispatched after all the middleware, in front of the router, and after its gate (the auth
    hook, a Flask server's routes: auth.py).

    With a Flask server (`Dash(server=Flask(__name__))`) it also stands for the Flask app, as Dash's
    `app.server` is one: an attribute it lacks is the Flask app's (`app.server.route`, `.config`,
    `.before_request`), and setting a new one sets it on the Flask app (`app.server.secret_key = ...`).
    Without one, the first use of a Flask attribute (`app.server.route`, `.before_request`, `.config`; what
    dash-auth's BasicAuth uses) gives the app a Flask app of its own, as Dash's `app.server` always is one.
    """

    event_path = EVENT_PATH  # build_server puts it under the routes prefix
    gate: Gate | None = None
    flask: Any = None
    adopt_flask: Callable[[], FlaskSide] | None = None
    gate_paths: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())

    def sockets_on(self) -> bool:
        """Whether pages may send events over the event socket: not when a gate guards the app, since the auth
        hook and a Flask app's before_request see each POST with the cookies of the moment, a socket only at
        its handshake (a session revoked since would go on sending events over it)."""
        return self.gate is None or not self.gate.guards_events()

    def __getattr__(self, name: str) -> Any:
        flask = self.__dict__.get("flask")
        if flask is None and name in _FLASK_NAMES:
            flask = self._adopt(name)
        if flask is not None and not name.startswith("__"):
            return getattr(flask, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        flask = self.__dict__.get("flask")
        if flask is None and name in _FLASK_NAMES and "router" in self.__dict__:
            flask = self._adopt(name)
        if flask is not None and name not in self.__dict__ and not hasattr(type(self), name):
            setattr(flask, name, value)
        else:
            super().__setattr__(name, value)

    def _adopt(self, name: str) -> Any:
        """A Flask app of the app's own, made on first use of a Flask attribute; the gate serves it from now on
        (the middleware stack is rebuilt at the next request)."""
        adopt = self.__dict__.get("adopt_flask")
        if adopt is None:
            raise AttributeError(f"app.server is propwire's ASGI server (Starlette), which has no `{name}`: that is "
                                 f"Flask's; give the app a Flask server to use it: Dash(server=Flask(__name__)) "
                                 f"(docs/auth.md)")
        side = adopt()
        if self.gate is None:
            self.gate = Gate(None, (), side, *self.gate_paths)
        else:
            self.gate.adopt(side)
        self.flask = side.app
        self.middleware_stack = None
        return side.app

    def build_middleware_stack(self) -> ASGIApp:
        """Starlette's own stack (its error middleware outermost, then the app's middleware, then its exception
        middleware and the router), with the FastRoutes dispatched right after the app's middleware. A FastRoute
        answers its own errors (the event endpoint: a 4xx JSON for a bad request), so it skips the exception
        middleware's Request and wrappers; anything it raises reaches the error middleware (a 500, or the app's
        own 500/Exception handler)."""
        fast = {route.path: route.asgi for route in self.router.routes if isinstance(route, FastRoute)}
        user = self.user_middleware
        gate = [Middleware(GateMiddleware, gate=self.gate)] if self.gate is not None else []
        self.user_middleware = [*user, *gate, Middleware(_FastRoutes, fast=fast)]
        try:
            return super().build_middleware_stack()
        finally:
            self.user_middleware = user

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        refused = request_guard.duplicate_host(scope) if scope["type"] in ("http", "websocket") else None
        if scope["type"] != "http":
            if refused:  # before the handshake is accepted: the page sees a failed socket
                return await send({"type": "websocket.close", "code": POLICY_VIOLATION})
            return await super().__call__(scope, receive, send)
        if refused:
            return await JSONResponse({"error": refused[1]}, status_code=refused[0])(scope, receive, send)
        if scope["method"] == "POST" and route_path(scope) == self.event_path:  # sets its own headers
            return await super().__call__(scope, receive, send)
        await super().__call__(scope, receive, _with_common_headers(send))


# Flask's names a Dash app may ask app.server for: without a Flask server, an error that says how to get one.
_FLASK_NAMES = frozenset({"route", "before_request", "after_request", "config", "secret_key", "url_map",
                          "add_url_rule", "register_blueprint", "errorhandler", "teardown_request",
                          "session_interface", "static_folder", "test_client", "app_context", "login_manager",
                          "wsgi_app", "test_request_context", "before_first_request", "context_processor",
                          "permanent_session_lifetime", "logger", "jinja_env", "extensions", "blueprints",
                          "view_functions", "template_folder", "static_url_path"})


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
