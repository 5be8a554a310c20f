"""The app side of Dash Pages: `Dash(use_pages=True, pages_folder=...)` (docs/pages.md).

What it adds to an app that uses pages:
- its options (`use_pages`, `pages_folder`, `include_pages_meta`, `routing_callback_inputs`, `description`),
  taken out of Dash()'s keyword arguments so propwire/app.py stays small;
- at construction, the pages folder imported (every .py file that calls register_page; not `_` or `.` ones);
- when the engine is built, the routing callback: `_pages_location`'s pathname and search in, the page's layout
  into `_pages_content` and `{"title": ...}` into `_pages_store` out. It is an ordinary callback, so a
  dcc.Link click brings the new page in the same one event as the callbacks of the page it inserts;
- per page load, the page's title and its description / og: / twitter: meta tags in the served HTML, and the
  `redirect_from` paths answered with a redirect.

Example::

    app = Dash(__name__, use_pages=True)          # imports ./pages/*.py
    app.layout = html.Div([dcc.Link("Home", href="/"), page_container])
"""

from __future__ import annotations

import asyncio
import importlib.util
import inspect
import os
import sys
import threading
from pathlib import Path
from typing import Any

from propwire import current_paths, html, pages
from propwire.api.dependencies import Input, Output, State
from propwire.api.exceptions import InvalidConfig, NoLayoutException, PageError, UnsupportedRelativePath
from propwire.app_paths import relative_path, strip_path

ID_STORE = pages.ID_STORE  # the store whose data's title the tab shows (the page spec's title_store)

__all__ = ["ID_STORE", "take_options", "enable", "before_engine", "page_head", "redirects"]

_OPTIONS = ("use_pages", "pages_folder", "include_pages_meta", "routing_callback_inputs", "description")


def take_options(options: dict[str, Any], name: str | None, caller_file: str | None) -> dict[str, Any]:
    """Pop the pages options from Dash()'s keyword arguments; returns app.config's pages entries (Dash's keys).

    As in Dash: use_pages defaults to "a pages_folder other than 'pages' was given" (so `pages_folder=""`
    means pages registered in the app's own module), and a folder that must exist and does not is an error.
    """
    given = {k: options.pop(k) for k in _OPTIONS if k in options}
    folder = str(given.get("pages_folder", "pages"))
    use = given.get("use_pages")
    use = folder != "pages" if use is None else bool(use)
    path = None
    if folder:
        path = str(_root(name, caller_file) / folder)
        if (use or folder != "pages") and not os.path.isdir(path):
            raise InvalidConfig(f"Dash(pages_folder={folder!r}): the folder {path} does not exist; for an app "
                                f"without a pages folder, set pages_folder=\"\"")
    return {"use_pages": use, "pages_folder": path, "include_pages_meta": given.get("include_pages_meta", True),
            "routing_callback_inputs": dict(given.get("routing_callback_inputs") or {}),
            "description": given.get("description")}


def _root(name: str | None, caller_file: str | None) -> Path:
    """The folder of the app's module (Dash's root path); for a file run with runpy, the caller's file."""
    module = sys.modules.get(name or "__main__")
    file = getattr(module, "__file__", None) or caller_file
    return Path(file).resolve().parent if file else Path.cwd()


def enable(app: Any) -> None:
    """At the end of Dash(): the module-level path helpers take this app's prefixes (propwire/current_paths.py);
    for an app using pages, the registry starts afresh, then the pages folder is imported."""
    current_paths.note_app(app)  # before the pages are imported: their modules may build links at import
    config = app.config
    if not app.use_pages:
        return
    pages.page_registry.clear()  # register_page needs an app first, so whatever is there belongs to another one
    pages.CONFIG.clear()
    pages.CONFIG.update(title=app.title, description=config.description, assets_folder=config.assets_folder,
                        pages_folder=config.pages_folder,
                        requests_pathname_prefix=config.requests_pathname_prefix)
    if config.pages_folder:
        _import_folder(Path(config.pages_folder), _root(config.name, None))


def _import_folder(folder: Path, root: Path) -> None:
    for dirpath, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for file in sorted(files):
            if file.startswith(("_", ".")) or not file.endswith(".py"):
                continue
            path = Path(dirpath) / file
            if "register_page" not in path.read_text(encoding="utf-8"):
                continue
            _import_page(path, _module_name(path, folder, root))


def _module_name(path: Path, folder: Path, root: Path) -> str:
    """Dash's module name for a page file: the folder's path below the app's root (a folder elsewhere: its whole
    path), dotted, then the file's: `pages.sub.report`."""
    below = path.relative_to(folder).with_suffix("")
    parent = folder.relative_to(root).parts if folder.is_relative_to(root) else folder.parts[1:]
    return ".".join([*parent, *below.parts])


def _import_page(path: Path, module_name: str) -> None:
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise PageError(f"cannot import the page file {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules[module_name] = module
    page = pages.page_registry.get(module_name)
    if page is not None and page["supplied_layout"] is None:
        if not hasattr(module, "layout"):
            raise NoLayoutException(f"No layout found in module {module_name}: a variable or a function named "
                                    f"\"layout\" is required")
        page["layout"] = module.layout


def before_engine(app: Any) -> None:
    """Before the engine is built: the page container as the layout if none was set, the registry checked, the
    routing callback added, and every page's layout in the validation layout (as Dash does)."""
    if app.layout is None:
        app.layout = pages.page_container
    _check_registry()
    _add_router(app)
    if not app.suppress_callback_exceptions:
        main = app.layout() if callable(app.layout) else app.layout
        every = [_settle(p["layout"]() if callable(p["layout"]) else p["layout"], p)
                 for p in pages.page_registry.values()]
        extra = [] if app.validation_layout is None else [app.validation_layout]
        every += [*(main if isinstance(main, list) else [main]), *extra]
        app.validation_layout = html.Div(every)
        if not any(getattr(c, "id", None) == pages.ID_CONTENT for c in app.validation_layout._traverse()):
            raise PageError("`page_container` (the `_pages_content` div) is not in the layout")


def _check_registry() -> None:
    seen: dict[str, list[str]] = {}
    for page in pages.page_registry.values():
        seen.setdefault(page["path"], []).append(page["module"])
        if "layout" not in page:
            raise NoLayoutException(f"No layout in module `{page['module']}` in page_registry")
        if page["module"] == "__main__":
            raise PageError("register_page(__name__) in the app's own module: give the page a module name "
                            "string instead, e.g. register_page(\"home\", path=\"/\", layout=...)")
    for modules in seen.values():
        if len(modules) > 1:
            raise PageError(f"pages {modules} have the same path {pages.page_registry[modules[0]]['path']!r}")


def _add_router(app: Any) -> None:
    extra = app.routing_callback_inputs  # Dash's routing_callback_inputs: Inputs re-route, States are read
    inputs = {"pathname_": Input(pages.ID_LOCATION, "pathname"), "search_": Input(pages.ID_LOCATION, "search"),
              **{k: d for k, d in extra.items() if not isinstance(d, State)}}
    states = {k: d for k, d in extra.items() if isinstance(d, State)}

    def pages_router(pathname_: str | None, search_: str | None, **states: Any) -> tuple[Any, dict[str, Any]]:
        # Sync, so the page's own layout function runs on the callback pool, never on the loop; an `async def`
        # layout or title (Dash's async router awaits them) is awaited here, on that worker thread.
        page, variables = _page_at(app, pathname_)
        page = page or _not_found_page()
        layout = page.get("layout", html.H1("404 - Page not found"))
        if callable(layout):
            layout = layout(**{**(variables or {}), **pages.parse_query(search_), **states})
        return _settle(layout, page), {"title": _settle(_call(page.get("title", app.title), variables), page)}

    app.callback(Output(pages.ID_CONTENT, "children"), Output(pages.ID_STORE, "data"), inputs=inputs,
                 **({"state": states} if states else {}), prevent_initial_call=True)(pages_router)


def _not_found_page() -> dict[str, Any]:
    """The `not_found_404` module's page, else {} (the default 404 layout and the app's title)."""
    return next((p for m, p in pages.page_registry.items() if m.split(".")[-1] == "not_found_404"), {})


def _call(value: Any, variables: dict[str, str] | None) -> Any:
    """A title or description: a function is called with the path variables."""
    return value(**(variables or {})) if callable(value) else value


def _settle(value: Any, page: dict[str, Any]) -> Any:
    """A value an async layout / title function gave, awaited where no event loop can (the validation layout,
    the served page's head): on a loop of its own in a thread, since the caller may be on the server's loop."""
    if not inspect.isawaitable(value):
        return value
    try:
        return _in_thread(value)
    except Exception as exc:
        raise PageError(f"page {page.get('module')!r}: its async layout or title function raised {exc!r}") from exc


def _in_thread(awaitable: Any) -> Any:
    async def wait() -> Any:
        return await awaitable
    found: list[Any] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            found.append(asyncio.run(wait()))
        except BaseException as exc:  # handed back to the caller's thread
            failed.append(exc)
    worker = threading.Thread(target=run, name="propwire-page-async")
    worker.start()
    worker.join()
    if failed:
        raise failed[0]
    return found[0]


def _page_at(app: Any, pathname: str | None) -> tuple[dict[str, Any], dict[str, str] | None]:
    try:
        path = strip_path(app.config.requests_pathname_prefix, pathname or "/")
    except UnsupportedRelativePath:
        return {}, None
    return pages.path_to_page(path or "")


def page_head(app: Any, url: str, path: str) -> tuple[str, list[dict[str, Any]]]:
    """The served page's title and pages meta tags for a request: `url` the full URL, `path` the route path
    (with the routes prefix, which is taken off before the page is looked up, unlike Dash, whose lookup misses
    every page of an app served under a prefix)."""
    try:
        page, variables = pages.path_to_page(strip_path(app.config.routes_pathname_prefix, path) or "")
    except UnsupportedRelativePath:
        page, variables = {}, None
    shown = page or _not_found_page()  # the tab shows the 404 page's title, as the router sets it
    tab = _settle(_call(shown.get("title", app.title), variables), shown)
    title = tab if page else app.title  # Dash's tags: the app's title where no page matches
    description = _settle(_call(page.get("description", ""), variables), page)
    if not app.config.include_pages_meta:
        return str(tab), []
    image = page.get("image_url") or (_origin(url) + app.get_asset_url(page["image"]) if page.get("image") else "")
    return str(tab), [
        {"name": "description", "content": description},
        {"property": "twitter:card", "content": "summary_large_image"},
        {"property": "twitter:url", "content": url},
        {"property": "twitter:title", "content": title},
        {"property": "twitter:description", "content": description},
        {"property": "twitter:image", "content": image},
        {"property": "og:title", "content": title},
        {"property": "og:type", "content": "website"},
        {"property": "og:description", "content": description},
        {"property": "og:image", "content": image},
    ]


def _origin(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"


def redirects(app: Any) -> dict[str, str]:
    """{route path: where it redirects} for every page's `redirect_from`, under the app's prefixes."""
    config = app.config
    found = {}
    for page in pages.page_registry.values():
        for source in page.get("redirect_from") or []:
            found[relative_path(config.routes_pathname_prefix, source)] = relative_path(
                config.requests_pathname_prefix, page["path"])
    return found
