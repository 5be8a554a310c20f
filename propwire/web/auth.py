"""The gate in front of every route: the app's auth hook (`Dash(auth=...)`) and, with a Flask server, the Flask
app's before_request functions and routes (flask_bridge.py).

Why one gate, inside the server's middleware stack (after the app's own middleware, before the routes): a
denied request never reaches a route, so never a callback; every route is behind it (the page, events, the
cookies exchange, assets, dev routes, routes the app added to `app.server`, the Flask app's routes) except
propwire's renderer files and the health check, which hold nothing of the app's and which a login page needs.
`Dash(auth_public=[...])` names more paths the hook is not asked about (a login page, its stylesheet).

The hook gets the request (a Starlette `Request`; its body is not read) and returns:

- True: go on;
- False or None: 401 (None too, so a hook that forgets to return fails closed);
- a URL (str): a redirect (303) there for a GET or HEAD (a page, an asset), a 401 naming it for the rest;
- a response (Starlette's, or Flask's with a Flask server): sent as it is (a 403, a custom login page).

Example::

    def signed_in(request):
        return request.cookies.get("user") in USERS or "/login"

    gate = Gate(signed_in, ("/login",), flask=None, reserved=("/_propwire/",), public=("/_propwire/static/",))
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from propwire.web.flask_bridge import FlaskSide, _is_werkzeug_response, to_starlette
from propwire.web.page_route import route_path

__all__ = ["AuthHook", "Gate", "GateMiddleware", "check_public", "decision"]

AuthHook = Callable[[Request], Any]
DENIED = "authentication required"


def check_public(paths: Sequence[str]) -> tuple[str, ...]:
    """Dash(auth_public=...) checked: paths starting with "/" (one ending in "/" names everything under it).

    >>> check_public(["/login", "/static/"])
    ('/login', '/static/')
    """
    if isinstance(paths, str):
        raise TypeError("Dash(auth_public=...) takes a list of paths, not one string")
    for path in paths:
        if not isinstance(path, str) or not path.startswith("/"):
            raise ValueError(f"Dash(auth_public=[...]): {path!r} is not a path starting with '/'")
    return tuple(paths)


def _matches(path: str, paths: tuple[str, ...]) -> bool:
    """Whether the path is one of these (or under one ending in "/"). A path with "." or ".." segments never
    is: "/assets/login/../secret.css" is under "/assets/login/" as text, but a route may resolve it elsewhere."""
    if any(part in (".", "..") for part in path.split("/")):
        return False
    return any(path == p or (p.endswith("/") and path.startswith(p)) for p in paths)


def decision(result: Any, scope: Scope) -> Response | None:
    """What the hook's result means for this request: None to go on, else the response that answers it.

    >>> decision(True, {"method": "GET"}) is None
    True
    >>> decision("/login", {"method": "GET"}).headers["location"]
    '/login'
    >>> decision(False, {"method": "POST"}).status_code
    401
    """
    if result is True:
        return None
    if isinstance(result, Response):
        return result
    if _is_werkzeug_response(result):
        return to_starlette(result)
    reading = scope["method"] in ("GET", "HEAD")
    if isinstance(result, str):
        if reading:
            return RedirectResponse(result, status_code=303, headers={"cache-control": "no-store"})
        return JSONResponse({"error": f"{DENIED}: sign in at {result}"}, status_code=401)
    if result is False or result is None:
        if reading:
            return PlainTextResponse(DENIED, status_code=401, headers={"cache-control": "no-store"})
        return JSONResponse({"error": DENIED}, status_code=401)
    raise TypeError(f"the auth hook returned {type(result).__name__}: it must return True, False, a URL to "
                    f"redirect to, or a response")


class Gate:
    """Who answers a request before propwire's routes: a denial, the Flask app, or nobody (propwire goes on).

    `reserved`: path prefixes that are propwire's even when a Flask rule would match them; `public`: paths
    (prefixes when ending in "/") the hook and the Flask app's before_request functions are not asked about.
    """

    def __init__(self, hook: AuthHook | None, auth_public: tuple[str, ...], flask: FlaskSide | None,
                 reserved: tuple[str, ...], public: tuple[str, ...]):
        self.hook = hook
        self.flask: FlaskSide | None = None
        self.public, self.user_public, self.reserved = public, auth_public, reserved
        if flask is not None:
            self.adopt(flask)

    def adopt(self, flask: FlaskSide) -> None:
        """Serve this Flask app from now on (given to Dash(), or made on first use of app.server.route)."""
        if self.hook is not None and inspect.iscoroutinefunction(self.hook):
            raise TypeError("Dash(auth=...) with a Flask server: the hook runs in Flask's request context on a "
                            "worker thread, so it must be a plain def, not async def")
        self.flask = flask

    def guards_events(self) -> bool:
        """Whether app code decides, per request, who may send events: the auth hook, or a Flask app's
        before_request functions (a Flask server with routes only guards nothing of propwire's)."""
        return self.hook is not None or (self.flask is not None and self.flask.has_before())

    async def route(self, scope: Scope) -> ASGIApp | None:
        """The ASGI app that answers this HTTP request instead of propwire's routes, or None."""
        path = route_path(scope)
        if _matches(path, self.public):
            return None
        flask_owns = (self.flask is not None and not _matches(path, self.reserved)
                      and self.flask.owns(path, scope["method"]))
        hook = None if _matches(path, self.user_public) else self.hook
        if self.flask is not None:  # in a Flask request context (before_request already runs on Flask's routes)
            if not flask_owns:
                self.flask.warn_unrun_hooks()
            before = not flask_owns and self.flask.has_before()
            if hook is not None or before:
                result = await run_in_threadpool(self.flask.gate, scope, hook, before)
                denied = decision(result, scope)
                if denied is not None:
                    return denied
            return self.flask.asgi if flask_owns else None
        if hook is None:
            return None
        result = await hook(Request(scope)) if inspect.iscoroutinefunction(hook) else \
            await run_in_threadpool(hook, Request(scope))
        return decision(result, scope)


class GateMiddleware:
    """The gate as the innermost of the app's middleware: what it answers never reaches the routes."""

    def __init__(self, app: ASGIApp, gate: Gate):
        self.app, self.gate = app, gate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            other = await self.gate.route(scope)
            if other is not None:
                return await other(scope, receive, send)
        elif scope["type"] == "websocket":  # a route the app added: asked about as a GET; refused, it is closed
            if await self.gate.route({**scope, "type": "http", "method": "GET"}) is not None:
                return await send({"type": "websocket.close", "code": 1008})
        await self.app(scope, receive, send)
