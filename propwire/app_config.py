"""`app.config` and the rules for Dash() options: the path prefixes, the options propwire does not support.

Dash keeps an app's settings in `app.config`, a dict readable as attributes, where some keys can be changed
after the constructor (`app.config.suppress_callback_exceptions = True`, a common line in multi-page apps) and
others cannot. propwire keeps the same object, with Dash's keys and Dash's rules, so code that reads or sets
them runs unchanged; the app reads its settings from it when it builds a page.

Example:

>>> from propwire.app_config import pathname_configs
>>> pathname_configs(url_base_pathname="/app/")
('/app/', '/app/', '/app/')
"""

from __future__ import annotations

import inspect
import os
import warnings
from collections.abc import Iterable
from typing import Any

from propwire.api.exceptions import InvalidConfig

__all__ = ["AttributeDict", "pathname_configs", "make_config", "config_property", "check_options",
           "check_unsupported", "check_run_options", "async_option", "refuse_async"]


class AttributeDict(dict):
    """A dict whose keys read and write as attributes (`config.title`), some of them read-only, and closed to
    new keys once finalized (a typo in `app.config.supress_callback_exceptions = True` is an error, not a new key
    nothing reads).

    >>> config = AttributeDict(title="Sales", compress=False)
    >>> config.title = "Revenue"; config["title"]
    'Revenue'
    >>> config.set_read_only(["compress"], "set compress in Dash()")
    >>> config.compress = True
    Traceback (most recent call last):
    ...
    AttributeError: ('set compress in Dash()', 'compress')
    """

    def __getattr__(self, key: str) -> Any:
        if key in self:
            return self[key]
        raise AttributeError(key)

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __setitem__(self, key: str, value: Any) -> None:
        locked = self.__dict__.get("_read_only", {})
        if key in locked:
            raise AttributeError(locked[key], key)
        closed = self.__dict__.get("_final")
        if closed and key not in self:
            raise AttributeError(closed, key)
        super().__setitem__(key, value)

    def set_read_only(self, names: Iterable[str], msg: str = "Attribute is read-only") -> None:
        """Make these keys read-only, each answering a write with `msg` (calls add up)."""
        self.__dict__.setdefault("_read_only", {}).update({name: msg for name in names})

    def unset_read_only(self, keys: Iterable[str]) -> None:
        """Make these keys writable again."""
        for key in keys:
            self.__dict__.get("_read_only", {}).pop(key, None)

    def finalize(self, msg: str = "Object is final: No new keys may be added.") -> None:
        """From now on, setting a key it does not have raises AttributeError(msg, key)."""
        self.__dict__["_final"] = msg

    def first(self, *names: str) -> Any:
        """The value of the first of `names` it has with a truthy value (None if none)."""
        for name in names:
            if self.get(name):
                return self[name]
        return None


def env_option(name: str, value: Any, default: Any = None) -> Any:
    """An option's value: the argument if given, else $DASH_<NAME> (as Dash reads it; "true"/"false" become
    booleans), else the default."""
    if value is not None:
        return value
    env_name = f"DASH_{name.upper()}"
    raw = os.environ.get(env_name, os.environ.get(env_name.lower()))
    if raw is None:
        return default
    return raw.lower() == "true" if raw.lower() in ("true", "false") else raw


_AMBIGUOUS = ("You supplied `url_base_pathname` and `{}`: this is ambiguous. `url_base_pathname` sets both "
              "`requests_pathname_prefix` (the prefix of the URLs the browser asks for) and "
              "`routes_pathname_prefix` (the prefix of the server's routes); to make them differ, set those two "
              "instead of `url_base_pathname`.")


def pathname_configs(url_base_pathname: str | None = None, routes_pathname_prefix: str | None = None,
                     requests_pathname_prefix: str | None = None) -> tuple[str | None, str, str]:
    """The three path prefixes as Dash combines them: (url_base_pathname, routes prefix, requests prefix).

    `url_base_pathname` sets both others and cannot be given with either; the routes prefix defaults to "/" and
    must start and end with "/"; the requests prefix defaults to the routes prefix ("/$DASH_APP_NAME" before it
    when that is set) and must start with "/". Each may come from $DASH_URL_BASE_PATHNAME and the like.

    >>> pathname_configs(routes_pathname_prefix="/", requests_pathname_prefix="/proxy/app/")
    (None, '/', '/proxy/app/')
    """
    base = env_option("url_base_pathname", url_base_pathname)
    routes = env_option("routes_pathname_prefix", routes_pathname_prefix)
    requests = env_option("requests_pathname_prefix", requests_pathname_prefix)
    if base is not None and requests is not None:
        raise InvalidConfig(_AMBIGUOUS.format("requests_pathname_prefix"))
    if base is not None and routes is not None:
        raise InvalidConfig(_AMBIGUOUS.format("routes_pathname_prefix"))
    routes = base if base is not None else (routes if routes is not None else "/")
    if not str(routes).startswith("/"):
        raise InvalidConfig(f"`routes_pathname_prefix` needs to start with `/`, got {routes!r}")
    if not str(routes).endswith("/"):
        raise InvalidConfig(f"`routes_pathname_prefix` needs to end with `/`, got {routes!r}")
    app_name = env_option("app_name", None)
    if not requests and app_name:
        requests = f"/{app_name}{routes}"
    elif requests is None:
        requests = routes
    if not str(requests).startswith("/"):
        raise InvalidConfig(f"`requests_pathname_prefix` needs to start with `/`, got {requests!r}")
    return base, routes, requests


# Dash() options propwire cannot honour yet: the value that means "not used" (passing it is fine), and what
# propwire does instead when another value is given. Each such value is a warning naming the option.
_UNSUPPORTED = {
    "show_undo_redo": (False, "propwire's page has no undo/redo buttons; the option is not used"),
    "eager_loading": (False, "propwire loads each component's code when a page first renders one, and cannot "
                             "load them all up front; the option is not used"),
    "extra_hot_reload_paths": ((), "propwire's reloader watches the app's own Python files and its assets folder, "
                                   "not extra paths; they are not watched"),
}


# Options propwire once had, and what replaced them: passing one is a TypeError that says so.
_REMOVED = {
    "inline_fast_callbacks": "sync callbacks no longer move onto the event loop by themselves: every one runs on a "
                             "worker thread unless marked @callback(..., inline=True) (\"it never blocks\"); "
                             "drop the option",
}


def check_options(options: dict[str, Any], serve_locally: bool) -> None:
    """The Dash() options propwire has no parameter for: a removed or unknown one is a TypeError, an
    unsupported one given a value that needs it a warning, each naming the option;
    `serve_locally=False` is a warning saying what it still does."""
    for name in options:
        if name in _REMOVED:
            raise TypeError(f"Dash({name}=...) was removed: {_REMOVED[name]}")
    unknown = set(options) - set(_UNSUPPORTED)
    if unknown:
        raise TypeError(f"Dash() got unknown option(s): {', '.join(sorted(unknown))}")
    check_unsupported(dict(options))
    if serve_locally is False:
        warnings.warn("Dash(serve_locally=False): propwire serves its renderer and the component libraries' files "
                      "itself (it has no CDN copies); only app.css / app.scripts resources with an external_url "
                      "are linked from it", UserWarning, stacklevel=3)


def socket_option(options: dict[str, Any]) -> bool:
    """Dash's `websocket_callbacks`, taken from the options: whether the page sends its events over a WebSocket.

    Dash sends them over one only when asked (and only on its FastAPI and Quart backends); propwire does by
    default, with POSTs as the fallback, so only False changes anything: events then go as POSTs only.

    >>> socket_option({"websocket_callbacks": False}), socket_option({})
    (False, True)
    """
    value = options.pop("websocket_callbacks", None)
    if value is not None and not isinstance(value, bool):
        raise TypeError(f"Dash(websocket_callbacks=...) takes True or False, got {value!r}")
    return value is not False


def async_option(options: dict[str, Any]) -> bool:
    """Dash's `use_async`, taken from the options: whether `async def` callbacks and page functions may be used.

    Dash serves async endpoints only with it (on by default once `dash[async]` is installed); propwire always
    awaits async callbacks and needs nothing installed for it, so only False changes anything: an async callback
    or page layout / title function is then an error when the app starts (`refuse_async`), where Dash's sync
    endpoint fails at its first call.

    >>> async_option({"use_async": False}), async_option({"use_async": None}), async_option({})
    (False, True, True)
    """
    value = options.pop("use_async", None)
    if value is not None and not isinstance(value, bool):
        raise TypeError(f"Dash(use_async=...) takes True, False or None, got {value!r}")
    return value is not False


def refuse_async(use_async: bool, callbacks: Iterable[Any], use_pages: bool) -> None:
    """With `Dash(use_async=False)`, the first `async def` callback or page function as an InvalidConfig naming it.

    >>> async def total(n): return n
    >>> from propwire import Input, Output
    >>> from propwire.api.callbacks import make_spec
    >>> try:
    ...     refuse_async(False, [make_spec(total, (Output("o", "children"), Input("i", "value")), {})], False)
    ... except InvalidConfig as exc:
    ...     print(str(exc).split(" (")[0])
    callback 'total'
    """
    if use_async:
        return
    fix = "drop use_async=False (propwire awaits async functions without dash[async]) or make it a def"
    for spec in callbacks:
        if spec.is_async:
            raise InvalidConfig(f"{spec.describe()} is an async function, but Dash(use_async=False) serves sync "
                                f"callbacks only: {fix}")
    if use_pages:
        from propwire.pages import page_registry  # pages import the app's API: only an app with pages needs them

        for module, page in page_registry.items():
            for key in ("layout", "title", "description"):
                if inspect.iscoroutinefunction(page.get(key)):
                    raise InvalidConfig(f"page {module!r}: its {key} is an async function, but "
                                        f"Dash(use_async=False) routes pages synchronously: {fix}")


def stylesheet_option(options: dict[str, Any]) -> bool:
    """propwire's `default_stylesheet`, taken from the options: whether the page links propwire-theme.css.

    On unless `default_stylesheet=False` is given or $PROPWIRE_DEFAULT_STYLESHEET is "0", "false" or "off" (the
    variable turns it off without touching an app that must also run on Dash, which knows no such option).

    >>> stylesheet_option({"default_stylesheet": False}), stylesheet_option({})
    (False, True)
    """
    value = options.pop("default_stylesheet", None)
    if value is not None and not isinstance(value, bool):
        raise TypeError(f"Dash(default_stylesheet=...) takes True or False, got {value!r}")
    if value is None:
        return os.environ.get("PROPWIRE_DEFAULT_STYLESHEET", "").strip().lower() not in ("0", "false", "off")
    return value


def check_unsupported(options: dict[str, Any]) -> None:
    """Warn for each option given a value propwire cannot honour."""
    for name, value in options.items():
        neutral, instead = _UNSUPPORTED[name]
        if value is not None and value != neutral and not (neutral == () and not value):
            warnings.warn(f"Dash({name}={value!r}): {instead}", UserWarning, stacklevel=4)


# Dash.run() options propwire serves without: what propwire does instead (each given one is a warning).
_RUN_INSTEAD = {
    "proxy": "propwire prints no proxied URL; serve behind your proxy with requests_pathname_prefix set",
    "hide_all_callbacks": "the dev tools list every callback",
    "jupyter_mode": "propwire has no Jupyter display; open the URL in a browser",
    "jupyter_width": "propwire has no Jupyter display", "jupyter_height": "propwire has no Jupyter display",
    "jupyter_server_url": "propwire has no Jupyter display",
    "dev_tools_ui": "the dev tools show whenever debug=True",
    "dev_tools_props_check": "props are checked on the server, always",
    "dev_tools_serve_dev_bundles": "propwire has one (production) bundle",
    "dev_tools_hot_reload_interval": "the reloader is told of changes at once (inotify), not by polling",
    "dev_tools_hot_reload_watch_interval": "the reloader is told of changes at once (inotify), not by polling",
    "dev_tools_hot_reload_max_retry": "the page reconnects to the reload stream until the server is back",
    "dev_tools_silence_routes_logging": "uvicorn logs requests only with debug=True",
    "dev_tools_disable_version_check": "propwire makes no version check",
    "dev_tools_prune_errors": "tracebacks show the app's frames first",
    "dev_tools_validate_callbacks": "callbacks are always validated at start-up",
}


def check_run_options(options: dict[str, Any]) -> None:
    """Warn for each Dash.run() option propwire does not use (and for Flask's run options, which Dash passes
    on to Flask), naming it and what propwire does instead; a None (Dash's "not given") is no warning."""
    for name, value in options.items():
        if value is None:
            continue
        instead = _RUN_INSTEAD.get(name, "Dash passes it to Flask's run(); propwire serves with uvicorn")
        warnings.warn(f"Dash.run({name}={value!r}) is not used: {instead}", UserWarning, stacklevel=3)


def default_metas(meta_tags: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Dash's meta tags: an X-UA-Compatible, a charset and a viewport tag unless the app gives its own, then the
    app's.

    >>> [m.get("name", m.get("charset")) for m in default_metas([{"name": "viewport", "content": "width=500"}])]
    [None, 'UTF-8', 'viewport']
    """
    found = []
    if not any(m.get("http-equiv") == "X-UA-Compatible" for m in meta_tags):
        found.append({"http-equiv": "X-UA-Compatible", "content": "IE=edge"})
    if not any("charset" in m for m in meta_tags):
        found.append({"charset": "UTF-8"})
    if not any(m.get("name") == "viewport" for m in meta_tags):
        found.append({"name": "viewport", "content": "width=device-width, initial-scale=1"})
    return found + list(meta_tags)


# app.config's keys only the constructor sets (Dash's rule: they decide the routes and how files are served).
_READ_ONLY = ("name", "assets_folder", "assets_url_path", "eager_loading", "serve_locally", "compress",
              "url_base_pathname", "routes_pathname_prefix", "requests_pathname_prefix")


def make_config(given: dict[str, Any]) -> AttributeDict:
    """app.config as Dash has it, from the Dash() arguments by name: Dash's keys, some read-only, no new ones."""
    base, routes, requests = pathname_configs(given["url_base_pathname"], given["routes_pathname_prefix"],
                                              given["requests_pathname_prefix"])
    options = given["options"]
    config = AttributeDict(
        name=given["name"] or "__main__", assets_folder=given["assets_folder"],
        assets_url_path=given["assets_url_path"], assets_ignore=given["assets_ignore"],
        assets_path_ignore=list(given["assets_path_ignore"] or []),
        eager_loading=bool(options.get("eager_loading", False)),
        include_assets_files=env_option("include_assets_files", given["include_assets_files"], True),
        url_base_pathname=base, routes_pathname_prefix=routes, requests_pathname_prefix=requests,
        serve_locally=given["serve_locally"], compress=env_option("compress", given["compress"], False),
        meta_tags=list(given["meta_tags"] or []), external_scripts=list(given["external_scripts"] or []),
        external_stylesheets=list(given["external_stylesheets"] or []),
        suppress_callback_exceptions=env_option("suppress_callback_exceptions",
                                                given["suppress_callback_exceptions"], False),
        prevent_initial_callbacks=given["prevent_initial_callbacks"],
        show_undo_redo=bool(options.get("show_undo_redo", False)),
        extra_hot_reload_paths=list(options.get("extra_hot_reload_paths") or []),
        title=given["title"], update_title=given["update_title"],
        # Dash's pages keys (propwire/pages_app.py): the resolved folder, the meta tags switch, the description
        **{k: given["pages_options"][k] for k in ("pages_folder", "include_pages_meta", "description")})
    config.set_read_only(_READ_ONLY, "Read-only: can only be set in the Dash constructor")
    config.finalize("Invalid config key. Some settings are only available via the Dash constructor")
    return config


def config_property(key: str, doc: str) -> property:
    """An app attribute that reads and writes `app.config[key]`, so both names stay one setting."""

    def read(app: Any) -> Any:
        return app.config[key]

    def write(app: Any, value: Any) -> None:
        app.config[key] = value

    read.__doc__ = doc  # the reference reads a property's docstring from its getter
    return property(read, write, doc=doc)
