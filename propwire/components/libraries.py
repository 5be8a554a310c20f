"""The Dash component libraries a process has imported, and the files each ships to the browser.

A library (dash_bootstrap_components, dash_ag_grid, ...) lists its browser files on its package as `_js_dist`
and `_css_dist`: entries with a `relative_package_path` inside the package named by the entry's `namespace`,
flagged `async` (a chunk its own code fetches when needed) or `dynamic` (a source map, fetched by dev tools).
The page loads the other scripts of a component namespace, in order, when it first renders one of its
components; the stylesheets are linked in the page's head; the server serves every listed file under
`/_dash-component-suites/<namespace>/<path>` (propwire/web/suites.py), as Dash does.

Which libraries: those Dash's own registry says were imported (every library's module registers there as
it is imported, through Dash's Component metaclass), plus Dash's DataTable when `dash.dash_table` is
imported. propwire reads the registry from `sys.modules` and never imports Dash itself.

Example::

    import dash_ag_grid
    [lib.module for lib in imported()]        # ['dash_ag_grid'] (and any other library imported)
"""

from __future__ import annotations

import functools
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from propwire.components.library_persistence import library_defaults, persists

SUITES = "/_dash-component-suites"
# Dash's registry lists 'dash' for its own html/dcc/dash_table: of those propwire uses DataTable only.
_DASH_TABLE = "dash.dash_table"


@dataclass(frozen=True)
class Library:
    """One imported component library: its module, the component namespaces it defines, its entries."""

    module: str
    namespaces: tuple[str, ...]
    version: str
    js: tuple[dict, ...]
    css: tuple[dict, ...]
    children_props: dict[str, list[str]]
    persisted: dict[str, list[str]]  # {type: default persisted_props} of the components that persist


def imported() -> list[Library]:
    """The component libraries imported in this process (none when Dash was never imported)."""
    return list(_libraries(_registered()))


def _registered() -> tuple[str, ...]:
    registry = sys.modules.get("dash.development.base_component")
    names = list(getattr(getattr(registry, "ComponentRegistry", None), "registry", None) or [])
    if _DASH_TABLE in sys.modules:
        names.append(_DASH_TABLE)
    return tuple(dict.fromkeys(names))


@functools.lru_cache(maxsize=16)  # read per page load; changes only when another library is imported
def _libraries(names: tuple[str, ...]) -> tuple[Library, ...]:
    libraries = []
    for name in names:
        module = sys.modules.get(name)
        if module is not None and name != "dash":
            library = _library(module)
            if library is not None:
                libraries.append(library)
    return tuple(libraries)


def _library(module: ModuleType) -> Library | None:
    js, css = getattr(module, "_js_dist", None), getattr(module, "_css_dist", None)
    if not isinstance(js, list) and not isinstance(css, list):
        return None
    classes: list[Any] = [c for c in vars(module).values() if isinstance(c, type)
                          and isinstance(getattr(c, "_type", None), str) and isinstance(getattr(c, "_namespace", None), str)]
    namespaces = tuple(dict.fromkeys(c._namespace for c in classes))
    children = {c._type: list(c._children_props) for c in classes
                if isinstance(getattr(c, "_children_props", None), list) and c._children_props}
    # Every kind that takes persistence, [] when its default is unknown (an explicit persisted_props still works).
    persisted = {c._type: list(library_defaults(c)) for c in classes if persists(c)}
    version = str(getattr(module, "__version__", "") or getattr(sys.modules.get(module.__name__.split(".")[0]),
                                                                   "__version__", "0"))
    return Library(module.__name__, namespaces, version, tuple(e for e in js or [] if isinstance(e, dict)),
                   tuple(e for e in css or [] if isinstance(e, dict)), children, persisted)


def _url(entry: dict, library: Library, prefix: str) -> str | None:
    path = entry.get("relative_package_path")
    if isinstance(path, str) and isinstance(entry.get("namespace"), str):
        return f"{prefix}{SUITES}/{entry['namespace']}/{fingerprint(path, library.version, entry['namespace'])}"
    url = entry.get("external_url")
    return url if isinstance(url, str) else None


def page_scripts(prefix: str = "") -> dict[str, list[str]]:
    """{component namespace: [script URLs]} the page loads when it first renders a component of the namespace:
    each library's entries that are neither `async` nor `dynamic`, in their order."""
    return {ns: list(urls) for ns, urls in _page_scripts(_registered(), prefix).items()}


@functools.lru_cache(maxsize=16)
def _page_scripts(names: tuple[str, ...], prefix: str) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for library in _libraries(names):
        urls = [u for e in library.js if not e.get("async") and not e.get("dynamic")
                if (u := _url(e, library, prefix)) is not None]
        for namespace in library.namespaces:
            table.setdefault(namespace, []).extend(u for u in urls if u not in table.get(namespace, []))
    return table


def page_stylesheets(prefix: str = "") -> list[str]:
    """The stylesheet URLs of the imported libraries (`_css_dist`, neither async nor dynamic), for the head."""
    return [u for library in imported() for e in library.css if not e.get("async") and not e.get("dynamic")
            if (u := _url(e, library, prefix)) is not None]


def children_props(libraries: list[Library] | None = None) -> dict[str, dict[str, list[str]]]:
    """{namespace: {type: [paths]}} of the component-valued props besides `children` (renderer: children props)."""
    table: dict[str, dict[str, list[str]]] = {}
    for library in imported() if libraries is None else libraries:
        for namespace in library.namespaces:
            table.setdefault(namespace, {}).update(library.children_props)
    return {ns: types for ns, types in table.items() if types}


def persisted_props(libraries: list[Library] | None = None) -> dict[str, dict[str, list[str]]]:
    """{namespace: {type: [names]}}: the default `persisted_props` of the library components that persist
    (propwire/components/library_persistence.py), for the renderer's persistence."""
    table: dict[str, dict[str, list[str]]] = {}
    for library in imported() if libraries is None else libraries:
        for namespace in library.namespaces:
            table.setdefault(namespace, {}).update(library.persisted)
    return {ns: types for ns, types in table.items() if types}


def fingerprint(path: str, version: str, namespace: str) -> str:
    """`path` with a version and modification-time tag before its extensions, so a URL changes with the file
    and may be cached for a year: `dbc.min.js` -> `dbc.v2_0_4m1700000000.min.js`.

    >>> fingerprint("x/a.min.js", "1.2.3", "no_such_package")
    'x/a.v1_2_3m0.min.js'
    """
    folder, _, name = path.rpartition("/")
    stem, dot, ext = name.partition(".")
    file = package_file(namespace, path)
    mtime = int(os.stat(file).st_mtime) if file is not None and file.is_file() else 0
    tag = "v" + re.sub(r"[^\w-]", "_", version) + f"m{mtime}"
    return f"{folder + '/' if folder else ''}{stem}.{tag}{dot}{ext}" if dot else f"{path}.{tag}"


_TAG = re.compile(r"\.v[\w-]+m[0-9a-f]+(?=\.|$)")


def unfingerprint(path: str) -> str:
    """The file's path without the tag `fingerprint` put in (a path without one is returned as it is).

    >>> unfingerprint("x/a.v1_2_3m17.min.js"), unfingerprint("x/a.min.js")
    ('x/a.min.js', 'x/a.min.js')
    """
    folder, _, name = path.rpartition("/")
    return f"{folder + '/' if folder else ''}{_TAG.sub('', name, count=1)}"


def package_file(namespace: str, path: str) -> Path | None:
    """The file a library entry names: `path` inside the package `namespace` (None if that is not imported)."""
    module: Any = sys.modules.get(namespace)
    where = getattr(module, "__file__", None)
    return Path(where).parent / path if where else None


def served_files() -> dict[tuple[str, str], Path]:
    """{(namespace, relative path): file} of every entry the imported libraries list: what may be served."""
    files: dict[tuple[str, str], Path] = {}
    for library in imported():
        for entry in (*library.js, *library.css):
            path, namespace = entry.get("relative_package_path"), entry.get("namespace")
            if isinstance(path, str) and isinstance(namespace, str):
                file = package_file(namespace, path)
                if file is not None:
                    files[(namespace, path)] = file
    return files
