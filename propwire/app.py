"""`Dash`, the app object, and `callback`, the decorator that registers callbacks."""

from __future__ import annotations

import os
import sys
import threading
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from propwire import app_callback, app_config, app_paths, app_server, pages_app
from propwire.api.callbacks import CallbackSpec, make_spec
from propwire.api.clientside import caller_where, inline_script, make_clientside_spec
from propwire.api.dependencies import id_string
from propwire.api.serialize import to_json_value
from propwire.app_background import background_invoker
from propwire.app_callback import GLOBAL_CALLBACKS, callback, clientside_callback  # noqa: F401 - re-exported: propwire.app's names
from propwire.app_config import check_options, check_run_options, default_metas, make_config, socket_option
from propwire.app_properties import ConfigProperties
from propwire.app_resources import Css, Scripts
from propwire.components.base import Component
from propwire.components.foreign import adopt
from propwire.core.component_json import Guard
from propwire.core.engine import Engine
from propwire.core.graph import Graph
from propwire.core.layout import walk
from propwire.core.threads import DEFAULT_THREADS, DEFAULT_TIMEOUT, check_pool, check_timeout
from propwire.core.validation import validate
from propwire.web.index_page import DEFAULT_INDEX, check_index_string, interpolate
from propwire.web.listen import listen, url_of
from propwire.web.spec import PageSpec


class Dash(ConfigProperties):
    """A propwire app: a layout, the callbacks that keep it live, and the ASGI server that serves both.

    It takes Dash's arguments, so a Dash app runs after changing only its imports; underneath, one request per
    user action carries the whole chain of callbacks (docs/protocol.md). Examples of each option:
    docs/examples/propwire.Dash.*.py (shown in docs/reference.md).

    Parameters:
        name: the app's module (`__name__`); `assets_folder` is found next to its file.
        external_stylesheets: stylesheet URLs (or dicts of `<link>` attributes) the page links in its head.
        external_scripts: script URLs (or dicts of `<script>` attributes) the page loads before the renderer.
        title: the page's `<title>`.
        suppress_callback_exceptions: ids a callback names that are not in the initial layout are not reported
            at start-up (for layouts that callbacks fill in later).
        prevent_initial_callbacks: the default of every callback's `prevent_initial_call`: no call at page load.
        assets_folder: a folder whose files are served under /assets/ (its .css and .js linked into the page).
        max_event_bytes: the largest event body the server reads; a bigger one is refused with HTTP 413
            before any callback runs.
        on_error: called with the exception when a callback raises (unless the callback has its own
            `on_error`); what it returns becomes the callback's outputs (or no_update, or it re-raises).
        callback_timeout: seconds a call may take before CallbackTimeout (default 30; None: no limit; per callback: `@callback(timeout=...)`).
        callback_threads: how many sync callbacks may run at once (the worker pool's size, default 32).
        threads_per_callback: the most worker threads one callback may hold (default: half the pool), so one
            slow callback cannot starve the others.
        assets_ignore: a regular expression of asset paths not to link into the page.
        assets_serve_dotfiles: paths under the assets folder served although they start with a dot (hidden
            files such as .env are never served otherwise).
        allowed_origins: other sites whose pages may send events and cookies to the app (`["*"]`: any).
        max_upload_bytes: propwire-only, for dcc.Upload(stream=True): the largest file the upload endpoint
            stores; a bigger one is refused with HTTP 413 and nothing of it is kept. None (the default) turns
            the endpoint off (HTTP 404), so an app that streams no uploads takes none.
        upload_folder: where streamed uploads are stored (default: propwire-uploads in the system's temp folder;
            workers on several machines need a shared one).
        upload_max_age: seconds after which a stored upload is deleted (default 3600), at the next upload.
        frame_ancestors: who may frame the app (CSP frame-ancestors, and X-Frame-Options where it can say
            it); None: anyone may (no header). A click in a frame runs callbacks: allow only sites you trust.
        content_security_policy: True for propwire's policy (docs/security.md), a dict of directives to
            replace, False for no policy header.
        component_dicts: render {type, namespace, props} dicts from callbacks and the layout as components, as
            Dash does; off (the default), they are data shown as text (docs/security.md).
        meta_tags: dicts of `<meta>` attributes for the page's head (escaped); Dash's charset, viewport and
            X-UA-Compatible tags come first unless given here.
        index_string: the page's HTML with Dash's `{%metas%}`, `{%title%}`, `{%favicon%}`, `{%css%}`,
            `{%app_entry%}`, `{%config%}`, `{%scripts%}` and `{%renderer%}` placeholders (the last four required;
            InvalidIndexException names a missing one). The initial results stream in after the last of them.
        update_title: the browser tab's title while callbacks run (default "Updating..."); None or "" keeps the
            title as it is.
        url_base_pathname: the path the app lives under ("/app/"): sets both prefixes below.
        routes_pathname_prefix: the prefix of every route the server answers (default "/"; starts and ends with
            "/").
        requests_pathname_prefix: the prefix of every URL the page asks for (default: the routes prefix); differs
            from it behind a proxy that strips a prefix.
        assets_url_path: the URL path the assets folder is served under, below the prefix (default "assets").
        assets_path_ignore: regular expressions of folder names under the assets folder whose files are not
            linked into the page (still served), as in Dash.
        include_assets_files: False: the assets' .css and .js files and favicon are not linked (still served).
        serve_locally: propwire serves its renderer and the component libraries' files itself either way: False
            only lets `app.css` / `app.scripts` resources link their external URLs, and warns that nothing else
            changes.
        compress: gzip the page, event streams and static files for clients that accept it, each chunk flushed
            as it goes so streams still stream (default: $DASH_COMPRESS, else off).
        plugins: objects with a `plug(app)` method, each called with the app at the end of the constructor, as
            Dash does.
        server: True (propwire's own), a Flask app served beside propwire's routes (its routes, static folder,
            session and before_request; `flask.request` in callbacks), or False: one comes with `init_app`
            (docs/auth.md). `app.server` stays the ASGI app either way.
        auth: a function of the request guarding every route but the renderer's files (True: go on; False: 401; a
            URL: redirect there; a response: sent), docs/auth.md.
        auth_public: paths the auth hook is not asked about (one ending in "/": all under it), e.g. "/login".
        **options: Dash Pages' `use_pages`, `pages_folder`, `include_pages_meta`, `routing_callback_inputs` and
            `description` (docs/pages.md); Dash options propwire cannot honour yet, each a warning naming it when given a
            value that needs it (`show_undo_redo`, `eager_loading`, `extra_hot_reload_paths`); Dash's
            `background_callback_manager` (a `DiskcacheManager` or `CeleryManager`: the manager of background callbacks that name
            none, docs/background.md); `websocket_callbacks` (False: events go as POSTs only; by default the
            page sends them over a WebSocket, POSTs its fallback: docs/protocol.md); `default_stylesheet` (False, or
            $PROPWIRE_DEFAULT_STYLESHEET=0: no propwire-theme.css, docs/app.md); `use_async` (False: an `async def`
            callback or page function is an error, docs/app.md); an unknown name is a TypeError.

    Raises:
        TypeError: an unknown, removed or unsupported option.
        ValueError: a pool or timeout setting that cannot work.
        InvalidConfig: path prefixes Dash would refuse (both url_base_pathname and a prefix, no leading "/").
    """

    def __init__(self, name: str | None = None, *, external_stylesheets: list | None = None,
                 external_scripts: list | None = None, title: str = "propwire",
                 suppress_callback_exceptions: bool | None = None, prevent_initial_callbacks: bool = False,
                 assets_folder: str = "assets", max_event_bytes: int = 10 * 1024 * 1024,
                 on_error: Callable[[Exception], Any] | None = None,
                 callback_timeout: float | None = DEFAULT_TIMEOUT, callback_threads: int = DEFAULT_THREADS,
                 threads_per_callback: int | None = None,
                 assets_ignore: str = "", assets_serve_dotfiles: list[str] | None = None,
                 allowed_origins: list[str] | None = None, frame_ancestors: Sequence[str] | None = ("'self'",),
                 content_security_policy: dict[str, Any] | bool = True, component_dicts: bool = False,
                 meta_tags: Sequence[dict[str, Any]] | None = None, index_string: str = DEFAULT_INDEX,
                 update_title: str | None = "Updating...", url_base_pathname: str | None = None,
                 routes_pathname_prefix: str | None = None, requests_pathname_prefix: str | None = None,
                 assets_url_path: str = "assets", assets_path_ignore: Sequence[str] | None = None,
                 include_assets_files: bool = True, serve_locally: bool = True, compress: bool | None = None,
                 plugins: Sequence[Any] | None = None, server: Any = True,
                 auth: Callable[[Any], Any] | None = None, auth_public: Sequence[str] = (),
                 max_upload_bytes: int | None = None, upload_folder: str | None = None,
                 upload_max_age: float = 3600.0, **options: Any):
        # Dash Pages' options (use_pages, pages_folder, ...: propwire/pages_app.py, docs/pages.md)
        pages_options = pages_app.take_options(options, name, sys._getframe(1).f_globals.get("__file__"))
        self.background_callback_manager = options.pop("background_callback_manager", None)  # docs/background.md
        self.websocket_callbacks = socket_option(options)  # events over a WebSocket (docs/protocol.md)
        self.use_async = app_config.async_option(options)  # False: async callbacks refused (docs/app.md)
        self.default_stylesheet = app_config.stylesheet_option(options)  # propwire-theme.css (docs/app.md)
        check_options(options, serve_locally)
        self.use_pages, self.routing_callback_inputs = pages_options["use_pages"], pages_options["routing_callback_inputs"]
        # A Flask app served beside propwire's routes (app_server.py); its name is the app's when none is given.
        self.flask_server = app_server.check_server_option(server)
        self.auth, self.auth_public = auth, app_server.check_auth_options(auth, auth_public)
        name = name or getattr(self.flask_server, "name", None)
        self.name = name or "__main__"
        self.title = title
        # app.config from the arguments by name (Dash's keys; app_config.make_config reads the ones it keeps)
        self.config = make_config(dict(locals(), assets_folder=str(self._resolve_assets(assets_folder))))
        self._index_string = check_index_string(index_string)
        self.css, self.scripts = Css(serve_locally), Scripts(serve_locally, bool(options.get("eager_loading")))
        self.max_event_bytes = max_event_bytes
        self.uploads = (max_upload_bytes, upload_folder, upload_max_age)  # streamed uploads (web/uploads.py)
        self.on_error = on_error
        # Where sync callbacks run and for how long (propwire/threads.py, docs/callbacks.md); checked here, early.
        self.callback_timeout = check_timeout(callback_timeout)
        check_pool(callback_threads, threads_per_callback)
        self.callback_threads = callback_threads
        self.threads_per_callback = threads_per_callback
        # propwire-only: render {type, namespace, props} dicts from callbacks and the layout as components
        # (checked like layout components) as Dash does; off, they are data shown as text (docs/security.md).
        self.component_dicts = component_dicts
        # Security options (docs/security.md): dotfiles under assets/ served only when listed; other origins
        # whose pages may send events; who may frame the app; the page's Content-Security-Policy.
        self.assets_serve_dotfiles = [p.strip("/") for p in assets_serve_dotfiles or []]
        self.allowed_origins = list(allowed_origins or [])
        self.frame_ancestors = None if frame_ancestors is None else list(frame_ancestors)
        self.content_security_policy = content_security_policy
        self._start_empty()
        for plugin in plugins or []:
            if not callable(getattr(plugin, "plug", None)):
                raise TypeError(f"Dash(plugins=[...]): {plugin!r} has no plug(app) method")
            plugin.plug(self)
        pages_app.enable(self)  # last, as in Dash: page modules may read the finished app

    def _start_empty(self) -> None:
        """The state an app starts with: no layout, callbacks, engine or server yet."""
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
    def assets_folder(self) -> Path:
        """The assets folder's resolved path (`app.config.assets_folder` as a string).

        >>> from propwire import Dash
        >>> Dash(__name__, assets_folder="/tmp/static").assets_folder.as_posix()
        '/tmp/static'
        """
        return Path(self.config.assets_folder)

    @property
    def layout(self) -> Any:
        """What the page shows: a component, a list of them, or a function returning one (called per page load,
        so each visitor gets fresh data). Example: docs/examples/propwire.Dash.layout.py."""
        return self._layout

    @layout.setter
    def layout(self, value: Any) -> None:
        value = adopt(value)  # a Dash component library's objects become propwire components (foreign.py)
        if not (isinstance(value, (Component, list)) or callable(value)):
            raise TypeError(f"app.layout must be a component, a list of components or a function, got {type(value).__name__}")
        self._layout = value

    def callback(self, *args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Register a callback on this app only; takes what `propwire.callback` takes.

        Use it when one process builds several apps, or to keep a module's callbacks with its app.
        Example: docs/examples/propwire.Dash.callback.py.
        """

        def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
            self._callbacks.append(make_spec(func, args, dict(kwargs), self.prevent_initial_callbacks))
            return func

        return decorate

    def clientside_callback(self, clientside_function: Any, *args: Any, **kwargs: Any) -> None:
        """Register a clientside callback on this app only; takes what `propwire.clientside_callback` takes.

        Example: docs/examples/propwire.Dash.clientside_callback.py."""
        self._callbacks.append(make_clientside_spec(clientside_function, args, dict(kwargs),
                                                    self.prevent_initial_callbacks, where=caller_where()))

    def build_layout(self) -> Any:
        """The layout for one page load: the layout function is called each time (RuntimeError if unset).

        Example: docs/examples/propwire.Dash.build_layout.py."""
        layout = self._layout() if callable(self._layout) else self._layout
        if layout is None:
            raise RuntimeError("app.layout is not set")
        # Component-shaped dicts inside the layout are data unless the app opted in (component_json.py).
        return Guard("the layout", self.component_dicts).node(layout)

    @property
    def engine(self) -> Engine:
        """The engine, built on first use: claims the global callbacks and validates the app (ValidationError).

        Reading it checks an app's callbacks and layout fit together without serving it (a test can do that).
        Example: docs/examples/propwire.Dash.engine.py."""
        with self._lock:
            if self._engine is None:
                if self.use_pages:  # the page container, the routing callback, the validation layout
                    pages_app.before_engine(self)
                self._callbacks.extend(app_callback.claim_globals())
                app_config.refuse_async(self.use_async, self._callbacks, self.use_pages)
                layout = self.build_layout()
                layout_json, _ = to_json_value(layout)
                ids = frozenset(_ids_in(layout_json))
                graph = Graph(self._callbacks, layout_ids=ids, prevent_default=self.prevent_initial_callbacks,
                              check=False, suppress_missing=bool(self.suppress_callback_exceptions))
                self.startup_warnings = validate(graph, layout, self.validation_layout,
                                                 suppress_missing=self.suppress_callback_exceptions)
                for message in self.startup_warnings:
                    warnings.warn(message, UserWarning, stacklevel=2)
                self._engine = Engine(graph, prevent_initial_callbacks=self.prevent_initial_callbacks,
                                      debug=self.debug, on_error=self.on_error,
                                      callback_timeout=self.callback_timeout, callback_threads=self.callback_threads,
                                      threads_per_callback=self.threads_per_callback,
                                      component_dicts=self.component_dicts,
                                      around_call=app_server.call_context_for(self.flask_server))
                background_invoker(self._engine, self.background_callback_manager)
            return self._engine

    def graph_for_client(self) -> dict[str, Any]:
        """The callback graph as the page carries it to the renderer (computed once): which props each
        callback reads and writes, so the browser knows what an event must carry (docs/protocol.md).
        Example: docs/examples/propwire.Dash.graph_for_client.py."""
        if self._client_graph is None:
            self._client_graph = self.engine.graph.to_client()
        return self._client_graph

    @property
    def server(self) -> Any:
        """The ASGI app (Starlette) serving the page, events and assets: `uvicorn module:app.server` in
        production, or mounted in a host app (docs/deploy.md); with a Flask server, it serves the Flask app's
        routes too and stands for it (`app.server.route`). Example: docs/examples/propwire.Dash.server.py."""
        if self._server is None:
            self._server = app_server.build_app_server(self)
        return self._server

    init_app = app_server.init_app  # attach a Flask app after Dash(server=False), as in Dash

    def _page_spec(self) -> PageSpec:
        """What one page load shows, read from the app's options now (they may change after `app.server`)."""
        config = self.config
        return PageSpec(self.title, self.build_layout, self.graph_for_client, layout_blocks=callable(self._layout),
                        debug=self.debug, warnings=tuple(self.startup_warnings),
                        scripts=(*config.external_scripts, *self.scripts.links()),
                        stylesheets=(*config.external_stylesheets, *self.css.links()),
                        metas=tuple(default_metas(config.meta_tags)), index=self.interpolate_index,
                        update_title=config.update_title or None,
                        inline_js=inline_script(self.engine.graph.callbacks),
                        head=(lambda url, path: pages_app.page_head(self, url, path)) if self.use_pages else None,
                        redirects=pages_app.redirects(self) if self.use_pages else {},
                        title_store=pages_app.ID_STORE if self.use_pages else None, theme=self.default_stylesheet)

    @property
    def index_string(self) -> str:
        """The page's HTML template (Dash's `{%...%}` placeholders); setting one checks it has the required ones.

        >>> from propwire import Dash
        >>> app = Dash(__name__)
        >>> app.index_string = "<html><body>{%app_entry%}</body></html>"
        Traceback (most recent call last):
        ...
        propwire.api.exceptions.InvalidIndexException: Missing items {%config%}, {%scripts%}, {%renderer%} in index string.
        """
        return self._index_string

    @index_string.setter
    def index_string(self, value: str) -> None:
        self._index_string = check_index_string(value)

    def interpolate_index(self, metas: str = "", title: str = "", css: str = "", config: str = "",
                          scripts: str = "", app_entry: str = "", favicon: str = "", renderer: str = "") -> str:
        """The page's HTML from the index string and this page load's pieces; override it in a subclass to build
        the HTML in code, as in Dash (the result must contain the app_entry, config, scripts and renderer
        pieces; the initial results stream in after the last of them).

        >>> from propwire import Dash
        >>> Dash(__name__, index_string="<i>{%title%}</i>{%app_entry%}{%config%}{%scripts%}{%renderer%}"
        ...      ).interpolate_index(title="Sales", app_entry="<div></div>")
        '<i>Sales</i><div></div>'
        """
        return interpolate(self.index_string, {"metas": metas, "title": title, "css": css, "config": config,
                                               "scripts": scripts, "app_entry": app_entry, "favicon": favicon,
                                               "renderer": renderer})

    get_asset_url = app_paths.get_asset_url  # Dash's path helpers, honouring the requests prefix (app_paths.py)
    get_relative_path = app_paths.get_relative_path
    strip_relative_path = app_paths.strip_relative_path

    def run(self, host: str = "127.0.0.1", port: int | str | None = None, debug: bool = False,
            use_reloader: bool | None = None, dev_tools_hot_reload: bool | None = None, **kwargs: Any) -> None:
        """Serve the app with uvicorn (on 127.0.0.1 unless told otherwise).

        With `debug=True` the page shows callback errors and the dev tools, and the server reloads when the app's
        files change (propwire/dev/; `use_reloader=False` or `dev_tools_hot_reload=False`: it does not). For
        production, run `app.server` under uvicorn with workers (README). It prints the address it serves on; a
        port already taken is a `PortInUse` error naming it (docs/app.md).

        Parameters:
            host: the address to listen on; 127.0.0.1 keeps the app to this machine.
            port: the port (default: $PORT, else 8050).
            debug: errors and dev tools in the page, and hot reload.
            use_reloader: False: no reload on file changes even with debug.
            dev_tools_hot_reload: as use_reloader (Dash's name).
            **kwargs: Dash's other run() options (dev_tools_ui, proxy, ...) and Flask's: accepted so a Dash app's
                run() call works, each given one a warning naming it and what propwire does instead.

        Example: docs/examples/propwire.Dash.run.py.
        """
        import uvicorn

        from propwire import dev

        check_run_options(kwargs)
        self.debug = debug
        port = int(port if port is not None else os.environ.get("PORT", 8050))
        log_level = "info" if debug else "warning"
        if dev.is_child():  # started by the supervisor below: serve on the socket it holds
            self.engine.debug = debug  # builds and validates the engine (ValidationError) before serving
            dev.serve_child(self.server, log_level)
            return
        hot, prefix = debug and use_reloader is not False and dev_tools_hot_reload is not False, self.config.requests_pathname_prefix
        if hot and dev.supported():
            dev.supervise(host, port, prefix)
            return
        self.engine.debug = debug
        sock = listen(host, port)  # PortInUse, naming the port, before anything starts
        print(f"propwire: serving on {url_of(sock, prefix)} (Ctrl+C to stop)", file=sys.stderr, flush=True)
        with sock:  # propwire.web.serving.Protocol: header/body deadlines and a header cap (docs/security.md)
            uvicorn.run(self.server, fd=sock.fileno(), log_level=log_level, http="propwire.web.serving:Protocol")

    run_server = run  # Dash's older name


def _ids_in(layout_json: Any) -> list[str]:
    return [id_string(c["props"]["id"]) for c, _ in walk(layout_json) if c["props"].get("id") is not None]

