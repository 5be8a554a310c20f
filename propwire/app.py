"""`Dash`, the app object, and `callback`, the decorator that registers callbacks."""

from __future__ import annotations

import os
import sys
import threading
import warnings
from pathlib import Path
from typing import Any, Callable, Sequence

from propwire.api.callbacks import CallbackSpec, make_spec
from propwire.api.dependencies import id_string
from propwire.api.serialize import to_json_value
from propwire.components.base import Component
from propwire.core.component_json import Guard
from propwire.core.engine import Engine
from propwire.core.graph import Graph
from propwire.core.layout import walk
from propwire.core.threads import DEFAULT_THREADS, DEFAULT_TIMEOUT, check_pool, check_timeout
from propwire.core.validation import validate
from propwire.web.spec import Assets, Limits, PageSpec

# `@callback` registers here; the next app to start claims them (as Dash's global callbacks do).
GLOBAL_CALLBACKS: list[CallbackSpec] = []

_IGNORED_OPTIONS = {"meta_tags", "update_title", "serve_locally", "compress", "eager_loading",
                    "include_assets_files", "show_undo_redo", "plugins", "server", "url_base_pathname",
                    "routes_pathname_prefix", "requests_pathname_prefix", "assets_url_path",
                    "extra_hot_reload_paths", "background_callback_manager"}


# Options propwire once had, and what replaced them: passing one is a TypeError that says so.
_REMOVED_OPTIONS = {
    "inline_fast_callbacks": "sync callbacks no longer move onto the event loop by themselves: every one runs on a "
                             "worker thread unless marked @callback(..., inline=True) (\"it never blocks\"); "
                             "drop the option",
}


def _refuse_removed(options: dict[str, Any]) -> None:
    for name in options:
        if name in _REMOVED_OPTIONS:
            raise TypeError(f"Dash({name}=...) was removed: {_REMOVED_OPTIONS[name]}")


def callback(*args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a callback for the app: `@callback(Output(...), Input(...), State(...))`.

    propwire's own options: `timeout=seconds` (None: no limit; default: the app's callback_timeout) and
    `inline=True` for a sync callback that never blocks, run on the event loop instead of a worker thread::

        @callback(Output("total", "children"), Input("a", "value"), inline=True)
        def total(a): return a or 0
    """

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        GLOBAL_CALLBACKS.append(make_spec(func, args, dict(kwargs)))
        return func

    return decorate


class Dash:
    """A propwire app: a layout, callbacks, and the ASGI server that serves them.

    Besides Dash's options: `callback_timeout` (seconds per call, default 30, None: no limit), `callback_threads`
    (sync calls run at once, default 32) and `threads_per_callback` (the most one callback may hold, default half)
    bound how long and how widely user code may hold the worker (propwire/threads.py, docs/callbacks.md)::

        app = Dash(__name__, callback_timeout=10, callback_threads=16)

    And its security options (docs/security.md): `allowed_origins` (other
    sites whose pages may send events), `frame_ancestors` (who may frame the app), `content_security_policy`
    (directives to replace, or False), `assets_serve_dotfiles` (dotfiles under assets/ to serve). Example:
    ``Dash(__name__, allowed_origins=["https://portal.example"], frame_ancestors=["'none'"])``
    """

    def __init__(self, name: str | None = None, *, external_stylesheets: list | None = None,
                 external_scripts: list | None = None, title: str = "propwire",
                 suppress_callback_exceptions: bool = False, prevent_initial_callbacks: bool = False,
                 assets_folder: str = "assets", max_event_bytes: int = 10 * 1024 * 1024,
                 on_error: Callable[[Exception], Any] | None = None,
                 callback_timeout: float | None = DEFAULT_TIMEOUT, callback_threads: int = DEFAULT_THREADS,
                 threads_per_callback: int | None = None,
                 assets_ignore: str = "", assets_serve_dotfiles: list[str] | None = None,
                 allowed_origins: list[str] | None = None, frame_ancestors: Sequence[str] | None = ("'self'",),
                 content_security_policy: dict[str, Any] | bool = True, component_dicts: bool = False,
                 **options: Any):
        _refuse_removed(options)
        unknown = set(options) - _IGNORED_OPTIONS
        if unknown:
            raise TypeError(f"Dash() got unknown option(s): {', '.join(sorted(unknown))}")
        self.name = name or "__main__"
        self.external_stylesheets = list(external_stylesheets or [])
        self.external_scripts = list(external_scripts or [])
        self.title = title
        self.suppress_callback_exceptions = suppress_callback_exceptions
        self.prevent_initial_callbacks = prevent_initial_callbacks
        self.max_event_bytes = max_event_bytes
        self.on_error = on_error
        # Where sync callbacks run and for how long (propwire/threads.py, docs/callbacks.md); checked here, early.
        self.callback_timeout = check_timeout(callback_timeout)
        check_pool(callback_threads, threads_per_callback)
        self.callback_threads = callback_threads
        self.threads_per_callback = threads_per_callback
        # propwire-only: render {type, namespace, props} dicts from callbacks and the layout as components
        # (checked like layout components) as Dash does; off, they are data shown as text (docs/security.md).
        self.component_dicts = component_dicts
        self.assets_folder = self._resolve_assets(assets_folder)
        # Security options (docs/security.md): dotfiles under assets/ served only when listed; other origins
        # whose pages may send events; who may frame the app; the page's Content-Security-Policy.
        self.assets_ignore = assets_ignore
        self.assets_serve_dotfiles = [p.strip("/") for p in assets_serve_dotfiles or []]
        self.allowed_origins = list(allowed_origins or [])
        self.frame_ancestors = None if frame_ancestors is None else list(frame_ancestors)
        self.content_security_policy = content_security_policy
        self.debug = False
        self._layout: Any = None
        # Every component the app may ever hold (a component or a list of them), for validation only.
        self.validation_layout: Any = None
        self._callbacks: list[CallbackSpec] = []
        # What start-up validation found worth saying about a valid app (ids absent from the initial layout).
        self.startup_warnings: list[str] = []
        self._engine: Engine | None = None
        self._lock = threading.Lock()
        self._server: Any = None
        self._client_graph: dict[str, Any] | None = None

    def _resolve_assets(self, folder: str) -> Path:
        module = sys.modules.get(self.name)
        base = Path(getattr(module, "__file__", None) or os.getcwd()).resolve()
        base = base.parent if base.is_file() or base.suffix == ".py" else base
        return (base / folder).resolve()

    @property
    def layout(self) -> Any:
        return self._layout

    @layout.setter
    def layout(self, value: Any) -> None:
        if not (isinstance(value, (Component, list)) or callable(value)):
            raise TypeError(f"app.layout must be a component, a list of components or a function, got {type(value).__name__}")
        self._layout = value

    def callback(self, *args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Register a callback on this app only."""

        def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
            self._callbacks.append(make_spec(func, args, dict(kwargs), self.prevent_initial_callbacks))
            return func

        return decorate

    def build_layout(self) -> Any:
        """The layout for one page load: the layout function is called each time."""
        layout = self._layout() if callable(self._layout) else self._layout
        if layout is None:
            raise RuntimeError("app.layout is not set")
        # Component-shaped dicts inside the layout are data unless the app opted in (component_json.py).
        return Guard("the layout", self.component_dicts).node(layout)

    @property
    def engine(self) -> Engine:
        """The engine, built on first use: claims the global callbacks and validates the app (ValidationError)."""
        with self._lock:
            if self._engine is None:
                self._callbacks.extend(GLOBAL_CALLBACKS)
                GLOBAL_CALLBACKS.clear()
                layout = self.build_layout()
                layout_json, _ = to_json_value(layout)
                ids = frozenset(_ids_in(layout_json))
                graph = Graph(self._callbacks, layout_ids=ids, prevent_default=self.prevent_initial_callbacks,
                              check=False)
                self.startup_warnings = validate(graph, layout, self.validation_layout,
                                                 suppress_missing=self.suppress_callback_exceptions)
                for message in self.startup_warnings:
                    warnings.warn(message, UserWarning, stacklevel=2)
                self._engine = Engine(graph, prevent_initial_callbacks=self.prevent_initial_callbacks,
                                      debug=self.debug, on_error=self.on_error,
                                      callback_timeout=self.callback_timeout, callback_threads=self.callback_threads,
                                      threads_per_callback=self.threads_per_callback,
                                      component_dicts=self.component_dicts)
            return self._engine

    def graph_for_client(self) -> dict[str, Any]:
        """The graph data the page carries for the renderer (computed once)."""
        if self._client_graph is None:
            self._client_graph = self.engine.graph.to_client()
        return self._client_graph

    @property
    def server(self) -> Any:
        """The ASGI app (Starlette): `uvicorn module:app.server`, or mounted in a host app (docs/deploy.md)::

            host = Starlette(routes=[Mount("/dash", app=app.server)])
        """
        if self._server is None:
            from propwire.dev.routes import DEV_HOOKS
            from propwire.web.server import build_server  # Starlette, imported only when served

            assets = Assets(self.assets_folder, self.assets_ignore, tuple(self.assets_serve_dotfiles))
            limits = Limits(self.max_event_bytes, tuple(self.allowed_origins),
                            None if self.frame_ancestors is None else tuple(self.frame_ancestors),
                            self.content_security_policy)
            self._server = build_server(lambda: self.engine, self._page_spec, assets, limits, dev=DEV_HOOKS)
        return self._server

    def _page_spec(self) -> PageSpec:
        """What one page load shows, read from the app's options now (they may change after `app.server`)."""
        return PageSpec(self.title, self.build_layout, self.graph_for_client, layout_blocks=callable(self._layout),
                        debug=self.debug, warnings=tuple(self.startup_warnings),
                        scripts=tuple(self.external_scripts), stylesheets=tuple(self.external_stylesheets))

    def run(self, host: str = "127.0.0.1", port: int | str | None = None, debug: bool = False,
            use_reloader: bool | None = None, dev_tools_hot_reload: bool | None = None, **kwargs: Any) -> None:
        """Serve the app with uvicorn (on 127.0.0.1 unless told otherwise).

        With `debug=True` the page shows callback errors and the dev tools, and the server reloads when the app's
        files change (propwire/dev/); `use_reloader=False` (or `dev_tools_hot_reload=False`) turns that off.
        """
        import uvicorn

        from propwire import dev

        self.debug = debug
        port = int(port if port is not None else os.environ.get("PORT", 8050))
        log_level = "info" if debug else "warning"
        if dev.is_child():  # started by the supervisor below: serve on the socket it holds
            self.engine.debug = debug  # builds and validates the engine (ValidationError) before serving
            dev.serve_child(self.server, log_level)
            return
        hot = debug and use_reloader is not False and dev_tools_hot_reload is not False
        if hot and dev.supported():
            dev.supervise(host, port)
            return
        self.engine.debug = debug
        # propwire.web.serving.Protocol: header/body deadlines and a header cap uvicorn lacks (docs/security.md)
        uvicorn.run(self.server, host=host, port=port, log_level=log_level, http="propwire.web.serving:Protocol")

    run_server = run


def _ids_in(layout_json: Any) -> list[str]:
    return [id_string(c["props"]["id"]) for c, _ in walk(layout_json) if c["props"].get("id") is not None]

