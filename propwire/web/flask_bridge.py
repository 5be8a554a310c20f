"""A Flask app served beside propwire: `Dash(server=Flask(__name__))`.

propwire is ASGI; Flask is WSGI. The Flask app keeps what a Dash app gives it (its `@server.route` routes, its
static folder, its `session` cookie, its `before_request` functions, extensions such as flask-login) and is
called through a WSGI-to-ASGI bridge (the `a2wsgi` package, imported only when a Flask server is given). The
request's path decides who answers: propwire's own routes (`/_propwire/...`, the assets, the component suites)
first, then any rule of the Flask app's url_map, then propwire's page for every other path, as Dash's
catch-all page route loses to the Flask app's more specific rules.

On propwire's routes the Flask app's `before_request` functions run too, in a Flask request context built from
the request's headers, cookies, path and query (not its body): one that returns a response (dash-auth's 401, a
redirect to a login page) answers the request instead, and no callback runs. Callbacks run in such a context as
well, so `flask.request.cookies`, `flask.session` and flask-login's `current_user` work in them; a session a
callback changes is saved as a cookie of the event's response.

Example::

    side = FlaskSide(flask_app)
    side.owns("/login", "GET")   # True when the Flask app has a rule for it
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Callable, Iterator
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Scope

from propwire.api.context import CallInfo

__all__ = ["FlaskSide", "call_context", "check_flask_server", "to_starlette"]


def check_flask_server(server: Any) -> Any:
    """`server` if it is a Flask app (anything with Flask's url_map, request_context and wsgi_app), else a
    TypeError saying what Dash(server=) takes.

    >>> check_flask_server(object())
    Traceback (most recent call last):
    ...
    TypeError: Dash(server=object(...)): server= takes True, False (then app.init_app(flask_app)) or a Flask app
    """
    if not all(hasattr(server, name) for name in ("url_map", "request_context", "wsgi_app", "preprocess_request")):
        raise TypeError(f"Dash(server={type(server).__name__}(...)): server= takes True, False (then "
                        f"app.init_app(flask_app)) or a Flask app")
    return server


def _bridge(flask_app: Any) -> ASGIApp:
    """The Flask app as an ASGI app, through a2wsgi (an optional dependency: needed only here)."""
    try:
        from a2wsgi import WSGIMiddleware
    except ImportError:
        raise ImportError("Dash(server=Flask(...)) needs the a2wsgi package to serve the Flask app from propwire's "
                          "ASGI server: pip install a2wsgi (or propwire[flask])") from None
    bridge: Any = WSGIMiddleware(flask_app)  # an ASGI app; a2wsgi types its scope more narrowly than Starlette
    return bridge


def _environ(method: str, path: str, query: str, headers: list[tuple[str, str]], scheme: str,
             remote: str | None, root: str = "") -> dict[str, Any]:
    """A WSGI environ for a request without its body: what before_request functions and callbacks read."""
    from werkzeug.test import EnvironBuilder

    plain = [(name, value) for name, value in headers if name.lower() not in ("content-length", "content-type")]
    host = next((value for name, value in headers if name.lower() == "host"), "localhost")
    builder = EnvironBuilder(path=path, base_url=f"{scheme}://{host}{root}", query_string=query, method=method,
                             headers=plain, environ_base={"REMOTE_ADDR": remote or ""})
    try:
        return builder.get_environ()
    finally:
        builder.close()


def to_starlette(response: Any) -> Response:
    """A Flask (werkzeug) response as a Starlette one: status, every header (Set-Cookie included), body."""
    answer = Response(response.get_data(), status_code=response.status_code)
    answer.raw_headers = [(name.lower().encode("latin-1"), value.encode("latin-1"))
                          for name, value in response.headers.items()]
    return answer


class FlaskSide:
    """The Flask app of a `Dash(server=flask_app)`: which paths it owns, its ASGI face, its request contexts.

    Example::

        side = FlaskSide(flask_app)
        if side.owns("/login", "GET"):
            await side.asgi(scope, receive, send)
    """

    def __init__(self, flask_app: Any):
        self.app = check_flask_server(flask_app)
        self.asgi = _bridge(flask_app)
        self.warned = False

    def warn_unrun_hooks(self) -> None:
        """Once: say that the Flask app's after_request and teardown_request functions do not run on propwire's
        routes (propwire answers those itself, streaming), naming them, so none is silently skipped."""
        if self.warned:
            return
        self.warned = True
        app = self.app
        names = [getattr(f, "__qualname__", repr(f)) for table in (app.after_request_funcs, app.teardown_request_funcs)
                 for funcs in table.values() for f in funcs]
        if names:
            warnings.warn(f"the Flask app's after_request / teardown_request functions ({', '.join(names)}) run on "
                          f"its own routes only, not on propwire's page, events and assets (docs/auth.md)",
                          UserWarning, stacklevel=2)

    def owns(self, path: str, method: str) -> bool:
        """Whether a rule of the Flask app answers this path (a wrong method or a missing slash included: Flask
        answers those with its 405 or redirect)."""
        from werkzeug.exceptions import MethodNotAllowed, NotFound
        from werkzeug.routing import RequestRedirect

        adapter = self.app.url_map.bind("localhost")
        try:
            adapter.match(path, method)
        except NotFound:
            return False
        except (MethodNotAllowed, RequestRedirect):
            return True
        return True

    def has_before(self) -> bool:
        """Whether the Flask app has before_request functions (or url value preprocessors) to run."""
        app = self.app
        return any(app.before_request_funcs.values()) or any(app.url_value_preprocessors.values())

    def scope_environ(self, scope: Scope) -> dict[str, Any]:
        """The environ of an ASGI request, without its body."""
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope["headers"]]
        client = scope.get("client")
        root = scope.get("root_path", "")
        path = scope["path"][len(root):] if root and scope["path"].startswith(root) else scope["path"]
        return _environ(scope["method"], path, scope.get("query_string", b"").decode("latin-1"), headers,
                        scope.get("scheme", "http"), client[0] if client else None, root)

    def gate(self, scope: Scope, hook: Callable[[Request], Any] | None, before: bool) -> Any:
        """In a Flask request context for this request: the app's before_request functions (when `before`), then
        the auth hook. Returns a Starlette response to answer with, or the hook's result (None when there is
        no hook and no before_request answered). Blocking: call it on a worker thread."""
        app = self.app
        with app.request_context(self.scope_environ(scope)):
            if before:
                try:
                    answered = app.preprocess_request()
                except Exception as exc:  # noqa: BLE001 - abort(401) and the like, as Flask answers them
                    answered = app.handle_user_exception(exc)
                if answered is not None:
                    return to_starlette(app.process_response(app.make_response(answered)))
            if hook is None:
                return True
            result = hook(Request(scope))
            if _is_werkzeug_response(result):
                return to_starlette(app.process_response(result))
            return result


def call_context(flask_app: Any) -> Callable[[CallInfo], contextlib.AbstractContextManager[None]]:
    """The engine's `around_call` for a Flask server: each callback call in a Flask request context built from
    the event's request (its headers, cookies, path; no body), so `flask.request` and `flask.session` work in
    it; a session the call changed becomes a Set-Cookie of the event's response (ctx.response).

    Example::

        Engine(graph, around_call=call_context(flask_app))
    """

    @contextlib.contextmanager
    def around(info: CallInfo) -> Iterator[None]:
        request = info.request
        path, _, query = request.path.partition("?")
        environ = _environ("POST", path or "/", query, list(request.headers.items()), request.scheme,
                           request.remote)
        with flask_app.request_context(environ) as context:
            yield
            session = context.session
            if session is not None and flask_app.session_interface.should_set_cookie(flask_app, session):
                carrier = flask_app.response_class()
                flask_app.session_interface.save_session(flask_app, session, carrier)
                info.response.cookies.extend(carrier.headers.getlist("Set-Cookie"))

    return around


def _is_werkzeug_response(value: Any) -> bool:
    return hasattr(value, "get_data") and hasattr(value, "status_code") and hasattr(value, "headers")
