"""How a `Dash` app becomes its ASGI server (`app.server`), and its Flask server and auth hook options.

Why apart from app.py: the app object holds the options; this module turns them into the web layer's plain
values (spec.py) and the server, and checks the Dash(server=..., auth=...) options early (a wrong one fails in
the constructor, not at the first request).

Example::

    server = build_app_server(app)   # what `app.server` returns, built once
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from propwire.web.spec import Assets, Limits, Paths

__all__ = ["build_app_server", "call_context_for", "check_server_option", "check_auth_options", "init_app"]


def check_server_option(server: Any) -> Any:
    """Dash(server=...): True or None (propwire's own server), False (a Flask app comes with init_app) or a
    Flask app (returned, checked); anything else a TypeError naming it.

    >>> check_server_option(True) is None
    True
    """
    if server is True or server is None or server is False:
        return None
    from propwire.web.flask_bridge import check_flask_server

    return check_flask_server(server)


def check_auth_options(auth: Any, auth_public: Any) -> tuple[str, ...]:
    """Dash(auth=..., auth_public=...): the hook must be callable; the public paths are checked (auth.py).

    >>> check_auth_options(None, ["/login"])
    ('/login',)
    """
    from propwire.web.auth import check_public

    if auth is not None and not callable(auth):
        raise TypeError(f"Dash(auth=...) takes a function of the request, got {type(auth).__name__}")
    return check_public(auth_public or ())


def build_app_server(app: Any) -> Any:
    """The Starlette app serving `app`: its page, events, assets, dev routes, its auth hook and Flask server."""
    from propwire.dev.routes import DEV_HOOKS
    from propwire.web.flask_bridge import FlaskSide
    from propwire.web.server import build_server  # Starlette, imported only when served

    config = app.config
    assets = Assets(app.assets_folder, config.assets_ignore, tuple(app.assets_serve_dotfiles),
                    config.assets_url_path, tuple(config.assets_path_ignore), bool(config.include_assets_files))
    limits = Limits(app.max_event_bytes, tuple(app.allowed_origins),
                    None if app.frame_ancestors is None else tuple(app.frame_ancestors),
                    app.content_security_policy, *app.uploads)
    limits = replace(limits, event_socket=app.websocket_callbacks)  # events over a WebSocket (docs/protocol.md)
    paths = Paths(config.routes_pathname_prefix, config.requests_pathname_prefix)
    flask = FlaskSide(app.flask_server) if app.flask_server is not None else None
    return build_server(lambda: app.engine, app._page_spec, assets, limits, dev=DEV_HOOKS, paths=paths,
                        compress=bool(config.compress), auth=app.auth, auth_public=app.auth_public, flask=flask,
                        adopt_flask=lambda: _adopt_flask(app))


def _adopt_flask(app: Any) -> Any:
    """A Flask app for a Dash() given none, made when the app first asks app.server for a Flask attribute (Dash's
    app.server is always a Flask app: `@app.server.route`, dash-auth's before_request)."""
    from propwire.web.flask_bridge import FlaskSide

    try:
        import flask
    except ImportError:
        raise AttributeError("app.server has Flask's attributes only when Flask is installed (pip install flask "
                             "a2wsgi), or given: Dash(server=Flask(__name__))") from None
    app.flask_server = flask.Flask(app.name)
    if app._engine is not None:  # callbacks get a Flask request context from now on
        app._engine.around_call = call_context_for(app.flask_server)
    return FlaskSide(app.flask_server)


def call_context_for(flask_server: Any) -> Any:
    """The engine's around_call for a Flask server: each callback in a Flask request context (flask_bridge.py)."""
    if flask_server is None:
        return None
    from propwire.web.flask_bridge import call_context

    return call_context(flask_server)


def init_app(app: Any, server: Any = None, **kwargs: Any) -> None:
    """`app.init_app(flask_app)`: attach a Flask app after the constructor (`Dash(server=False)`, Flask's
    app-factory pattern), before `app.server` is first built; `app.server` (ASGI) is what to serve then, not
    the Flask app. Dash's config keyword arguments are refused (give them to Dash()).

    >>> from flask import Flask
    >>> from propwire import Dash
    >>> app = Dash(__name__, server=False); app.init_app(Flask("shop")); app.server.name
    'shop'
    """
    if kwargs:
        raise TypeError(f"app.init_app({', '.join(sorted(kwargs))}=...): give the path prefixes to Dash()")
    if app._server is not None:
        raise RuntimeError("app.init_app(...) after app.server was built: attach the Flask app before")
    if server is not None:
        app.flask_server = check_server_option(server)
        if app._engine is not None:  # built already (a test read app.engine): its callbacks get the context too
            app._engine.around_call = call_context_for(app.flask_server)
