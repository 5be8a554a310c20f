"""Dash Pages' user API: `register_page`, `page_registry` and `page_container` (docs/pages.md).

A multi-page app keeps one module per page; each calls `register_page(__name__, ...)` and defines `layout`.
`page_registry` then lists the pages (an OrderedDict keyed by module, in Dash's order and with Dash's keys, so
navigation bars built from it port unchanged), and `page_container` is where the current page's layout goes.
The app side (importing the pages folder, the routing callback, meta tags, redirects) is propwire/pages_app.py.

Example:

>>> from propwire import Dash, html, register_page, page_registry
>>> app = Dash(__name__, use_pages=True, pages_folder="")
>>> register_page("reports", path_template="/report/<report_id>", layout=html.Div("report"))
>>> page_registry["reports"]["path"], page_registry["reports"]["name"]
('/report/none', 'Reports')
"""

from __future__ import annotations

import collections
import re
from fnmatch import fnmatch
from keyword import iskeyword
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from propwire import dcc, html
from propwire.api import context
from propwire.api.exceptions import PageError
from propwire.app_paths import relative_path

__all__ = ["register_page", "page_registry", "page_container", "CONFIG", "ID_CONTENT", "ID_LOCATION",
           "ID_STORE", "ID_DUMMY", "path_to_page", "parse_query", "DEFAULT_TITLE"]

# The ids of Dash's page container: apps (and Dash's own tests) refer to them by name.
ID_CONTENT, ID_LOCATION, ID_STORE, ID_DUMMY = "_pages_content", "_pages_location", "_pages_store", "_pages_dummy"
DEFAULT_TITLE = "propwire"  # Dash() without title=: pages then take their own names as titles, as in Dash
_IMAGE_TYPES = ("apng", "avif", "gif", "jpeg", "jpg", "png", "svg", "webp")

page_registry: collections.OrderedDict[str, dict[str, Any]] = collections.OrderedDict()

# What register_page reads of the app that uses pages (set by Dash(use_pages=True), propwire/pages_app.py):
# title, description, assets_folder, pages_folder, requests_pathname_prefix. Empty: no such app yet.
CONFIG: dict[str, Any] = {}

page_container = html.Div([
    dcc.Location(id=ID_LOCATION, refresh="callback-nav"),
    html.Div(id=ID_CONTENT, disable_n_clicks=True),
    dcc.Store(id=ID_STORE),
    html.Div(id=ID_DUMMY, disable_n_clicks=True),
])


def register_page(module: str, path: str | None = None, path_template: str | None = None, name: str | None = None,
                  order: Any = None, title: Any = None, description: Any = None, image: str | None = None,
                  image_url: str | None = None, redirect_from: list[str] | None = None, layout: Any = None,
                  **kwargs: Any) -> None:
    """Add a page to `page_registry`, as Dash's register_page does; call it from the page's module with
    `__name__`, after the app is created.

    Parameters:
        module: the page's module name (`__name__`); the registry's key.
        path: its URL path (default: from `path_template` with each `<var>` as "none", else from the module's
            name below the pages folder, "_" as "-": `pages.weekly_analytics` → "/weekly-analytics").
        path_template: a path with `<variables>` ("/report/<report_id>"), passed to the layout as keywords.
        name: the link text (default: the module's last part, "_" as " ", capitalized).
        order: its place in the registry (numbers first, then strings, then none; "/" is 0 when no page has one).
        title: the tab's title, a string or a function of the path variables (default: the app's title if
            given, else `name`).
        description: the page's `<meta name="description">`, a string or function (default: the app's).
        image: an assets file for the og:/twitter: image (default: `assets/<module>.<ext>`, then `app.<ext>`,
            then `logo.<ext>`); `image_url` overrides it with a full URL.
        redirect_from: paths that redirect (HTTP 302) to this page.
        layout: the page's layout, a component or a function of the path variables and query arguments
            (default: the module's `layout`).
        **kwargs: anything else, kept in the page's registry entry.

    Raises:
        PageError: before any `Dash(use_pages=True)`, within a callback, or a module that is not a string.
        ValueError: a path template variable that is not a Python name (naming the page and the template).

    Example (docs/pages.md has a whole app):

    >>> from propwire import Dash, html, page_registry, register_page
    >>> app = Dash(__name__, use_pages=True, pages_folder="")
    >>> register_page("weekly_analytics", layout=html.Div("charts"), custom="kept")
    >>> {k: page_registry["weekly_analytics"][k] for k in ("path", "name", "title", "order", "custom")}
    {'path': '/weekly-analytics', 'name': 'Weekly analytics', 'title': 'Weekly analytics', 'order': None, 'custom': 'kept'}
    """
    _check_call(module, path_template)
    page: dict[str, Any] = {"module": module, "supplied_path": path, "path_template": path_template,
                            "path": path if path is not None else _infer_path(module, path_template),
                            "supplied_name": name, "name": name if name is not None else _page_name(module)}
    app_title = CONFIG.get("title", DEFAULT_TITLE)
    page.update(supplied_title=title,
                title=title if title is not None else app_title if app_title != DEFAULT_TITLE else page["name"])
    page.update(description=description or CONFIG.get("description") or "", order=order, supplied_order=order,
                supplied_layout=layout, **kwargs)
    page.update(supplied_image=image, image=image if image is not None else _infer_image(module),
                image_url=image_url, redirect_from=list(redirect_from) if redirect_from else None)
    if layout is not None:
        page["layout"] = layout
    elif module in page_registry and "layout" in page_registry[module]:
        page["layout"] = page_registry[module]["layout"]  # registered again: keep the layout found before
    page_registry[module] = page
    _reorder()


def _reorder() -> None:
    """Dash's order: "/" is 0 unless some page has an order; then numbers, strings, none; ties by module."""
    given = any(p["supplied_order"] is not None for p in page_registry.values())
    prefix = CONFIG.get("requests_pathname_prefix", "/")
    for page in page_registry.values():
        page["order"] = 0 if page["path"] == "/" and not given else page["supplied_order"]
        page["relative_path"] = relative_path(prefix, page["path"])

    def key(page: dict[str, Any]) -> tuple:
        order = page["order"]
        number = order if isinstance(order, (int, float)) and not isinstance(order, bool) else float("inf")
        return (order is None, number, str(order), page["module"])

    for page in sorted(page_registry.values(), key=key):
        page_registry.move_to_end(page["module"])


def _check_call(module: Any, template: str | None) -> None:
    if not CONFIG:
        raise PageError("register_page() must be called after the app is created with Dash(use_pages=True)")
    if not isinstance(module, str):
        raise PageError("the first argument of register_page() must be a string or __name__")
    if context._current.get() is not None:  # the registry is the process's: one user's call would change all
        raise PageError(f"register_page({module!r}) cannot be called within a callback: page_registry is shared by "
                        f"every user of the app")
    if template:
        _check_template(module, template)


def _check_template(module: str, template: str) -> None:
    for var in re.findall("<(.*?)>", template):
        if not var.isidentifier() or iskeyword(var):
            raise ValueError(f"register_page({module!r}): `{var}` in path_template {template!r} is not a valid "
                             f"Python variable name")


def _page_name(module: str) -> str:
    return module.split(".")[-1].replace("_", " ").capitalize()


def _infer_path(module: str, template: str | None) -> str:
    if template is not None:
        path = re.sub("<.*?>", "none", template)
    else:
        folder = CONFIG.get("pages_folder")
        below = module.split(Path(folder).name)[-1] if folder else module
        path = below.replace("_", "-").replace(".", "/").lower()
    return path if path.startswith("/") else "/" + path


def _infer_image(module: str) -> str | None:
    """The assets file named for the page, else `app.*`, else `logo.*` (Dash's lookup, image files only)."""
    folder = Path(CONFIG.get("assets_folder") or "")
    files = sorted(f.name for f in folder.iterdir() if f.is_file()) if folder.is_dir() else []
    page_id = module.split(".")[-1]
    found: dict[str, str] = {}
    for file in files:
        stem, _, ext = file.partition(".")
        if ext.lower() not in _IMAGE_TYPES:
            continue
        if stem in (page_id, page_id.replace("_", "-")):
            return file
        if stem in ("app", "logo"):
            found.setdefault(stem, file)
    return found.get("app") or found.get("logo")


def path_to_page(path: str) -> tuple[dict[str, Any], dict[str, str] | None]:
    """The page for a path without the prefix and the slashes around it, and its path variables; ({}, None)
    for none. A template page matches first where it comes in the registry, as in Dash.

    >>> path_to_page("no/such/page")
    ({}, None)
    """
    for page in page_registry.values():
        template = page["path_template"]
        if template:
            found = _template_variables(path, template.strip("/"))
            if found:
                return page, found
        if path == page["path"].strip("/"):
            return page, None
    return {}, None


def _template_variables(path: str, template: str) -> dict[str, str] | None:
    if not fnmatch(path, re.sub("<.*?>", "*", template)):
        return None
    names = re.findall("<(.*?)>", template)
    values = re.findall(re.sub("<.*?>", "(.*)", template), path)
    if not values:
        return None
    found = values[0] if isinstance(values[0], tuple) else values
    return dict(zip(names, found))


def parse_query(search: str | None) -> dict[str, Any]:
    """A Location's `search` as the layout's keyword arguments: one value as a string, repeated ones as a list.

    >>> parse_query("?a=1&b=2&b=3&c=")
    {'a': '1', 'b': ['2', '3'], 'c': ''}
    """
    if not search or not search.startswith("?"):
        return {}
    return {k: v[0] if len(v) == 1 else v for k, v in parse_qs(search[1:], keep_blank_values=True).items()}
