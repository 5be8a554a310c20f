"""What the web layer is built from: the engine, a page spec, the assets and the limits -- never the `Dash` object.

Why plain values: the web layer serves one engine however it was put together. `Dash.server` (propwire/app.py)
composes these from the app's options; a test or another front end can build a server from its own values, and
the web layer cannot come to depend on an app attribute that is not in them.

- `EngineProvider`: a function returning the engine, called per request; `Dash` builds (and validates) it on
  first use, so `app.server` can be taken before the layout is set, as in Dash.
- `PageSpec`: what one page load shows (title, scripts, stylesheets, the layout, the graph for the renderer,
  the debug flag and start-up warnings). Asked for on every page load, so an option set after `app.server`
  was taken (`app.title = ...`, `app.run(debug=True)`) still shows.
- `Assets`: the assets folder and which of its files are linked and served.
- `Limits`: what a request may be and who may send or frame it (docs/security.md). Fixed when the server is
  built.

Example::

    server = build_server(lambda: engine, lambda: PageSpec("demo", lambda: layout, engine.graph.to_client),
                          Assets(Path("assets")), Limits(max_event_bytes=1 << 20))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from propwire.core.engine import Engine

EngineProvider = Callable[[], "Engine"]


@dataclass(frozen=True)
class PageSpec:
    """One page load's makings.

    `layout` returns the layout to render (components, checked); `layout_blocks` says it runs the app's own code
    (a layout function), which then runs on the worker pool as sync callbacks do. `graph` returns the callback
    graph as the renderer reads it (called only for a page, after the engine is built); `debug` adds the dev
    tools' config (the callbacks, `warnings`) to the page. `metas` are the page's meta tags; `index` fills the
    app's index string with the page's pieces (keyword arguments named as its placeholders; None: propwire's
    own page, index_page.py); `update_title` is the tab's title while callbacks run (None: unchanged);
    `inline_js` defines the app's inline clientside functions (a script the page carries with its nonce). `head`
    gives a load's own title and extra meta tags from its URL and route path (Dash Pages: the page's title and
    og:/twitter: tags); `redirects` maps route paths to where a GET of them is redirected (302); `theme` links
    propwire's default stylesheet before the app's own.

    Example::

        PageSpec(title="Sales", layout=lambda: html.Div("hi"), graph=engine.graph.to_client, debug=True)
    """

    title: str
    layout: Callable[[], Any]
    graph: Callable[[], Mapping[str, Any]]
    layout_blocks: bool = False
    debug: bool = False
    warnings: tuple[str, ...] = ()
    scripts: tuple[Any, ...] = ()
    stylesheets: tuple[Any, ...] = ()
    metas: tuple[Mapping[str, Any], ...] = ()
    index: Callable[..., str] | None = None
    update_title: str | None = None
    inline_js: str = ""  # the app's inline clientside functions (api/clientside.py), one nonce'd script
    head: Callable[[str, str], tuple[str, Sequence[Mapping[str, Any]]]] | None = None
    redirects: Mapping[str, str] = field(default_factory=dict)
    title_store: str | None = None  # a dcc.Store whose data's "title" the tab shows (Dash Pages' _pages_store)
    theme: bool = False  # link propwire's default stylesheet, propwire-theme.css (docs/app.md#the-default-stylesheet)


@dataclass(frozen=True)
class Assets:
    """The assets folder: its .css and .js files are linked from the page (but not those whose path under the
    folder matches the `ignore` regex), and every file under it is served at /assets/ except dotfiles and
    dot-directories not listed in `serve_dotfiles` (paths under the folder).

    As in Dash, `ignore` is searched in each file's name and each of `path_ignore` in each of its folders'
    names; `include` False links none of them (nor the favicon), and `url_path` is the URL path they are served
    under, below the app's prefix.

    Example::

        Assets(Path("assets").resolve(), ignore=r"^draft", serve_dotfiles=(".well-known/security.txt",))
    """

    folder: Path
    ignore: str = ""
    serve_dotfiles: tuple[str, ...] = ()
    url_path: str = "assets"
    path_ignore: tuple[str, ...] = ()
    include: bool = True


@dataclass(frozen=True)
class Paths:
    """Where the app lives: `routes` is the prefix of the server's routes, `requests` the prefix of the URLs the
    browser is given (they differ behind a proxy that strips a prefix). Both start and end with "/" (Dash's
    routes_pathname_prefix and requests_pathname_prefix, propwire/app_config.py).

    Example::

        Paths(routes="/", requests="/proxy/app/")   # the proxy turns /proxy/app/x into /x
    """

    routes: str = "/"
    requests: str = "/"


@dataclass(frozen=True)
class Limits:
    """What a request may be: an event's size in bytes, the other sites whose pages may POST events and cookies
    (`allowed_origins`), who may frame the page (`frame_ancestors`, None: no rule) and the page's
    Content-Security-Policy overrides (True: propwire's own, False: none, a dict: directives to replace); for
    streamed uploads (web/uploads.py) the largest file (None: no streamed uploads), the folder (None: one in the system's temp folder) and
    the age in seconds after which a stored upload is deleted; `event_socket`: whether the page sends its events
    over a WebSocket (event_socket.py), with POSTs as the fallback.

    Example::

        Limits(max_event_bytes=1 << 20, allowed_origins=("https://portal.example",), frame_ancestors=("'none'",))
    """

    max_event_bytes: int = 10 * 1024 * 1024
    allowed_origins: tuple[str, ...] = ()
    frame_ancestors: tuple[str, ...] | None = ("'self'",)
    content_security_policy: Mapping[str, Any] | bool = True
    max_upload_bytes: int | None = None  # None: streamed uploads are off (the endpoint answers 404)
    upload_folder: str | None = None
    upload_max_age: float = 3600.0
    event_socket: bool = True  # events may come over the WebSocket (event_socket.py); False: POSTs only
