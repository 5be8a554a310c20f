"""Dash's module-level path helpers, `propwire.get_asset_url` / `get_relative_path` / `strip_relative_path`: the
app methods of the same names (propwire/app_paths.py) for the app created last.

Why: a page module of a multi-page app (docs/pages.md) is imported while the app is being created and has no
`app` to call them on; it builds its links with `propwire.get_relative_path("/page")` instead, as with Dash.

Example:

>>> from propwire import Dash, get_relative_path, strip_relative_path
>>> app = Dash(__name__, url_base_pathname="/sales/")
>>> get_relative_path("/report"), strip_relative_path("/sales/report/")
('/sales/report', 'report')
"""

from __future__ import annotations

from typing import Any

from propwire.api.exceptions import AppNotFoundError

__all__ = ["note_app", "get_asset_url", "get_relative_path", "strip_relative_path"]

_LAST: list[Any] = []  # the app created last (Dash's get_app() answers the same)


def note_app(app: Any) -> None:
    """Called by Dash() as it ends: from now on the helpers below use this app's prefixes."""
    _LAST[:] = [app]


def _app() -> Any:
    if not _LAST:
        raise AppNotFoundError("no app yet: create the Dash app before calling propwire's path helpers")
    return _LAST[0]


def get_asset_url(path: str) -> str:
    """The URL of a file in the last created app's assets folder (`app.get_asset_url`).

    >>> from propwire import Dash, get_asset_url
    >>> app = Dash(__name__, url_base_pathname="/sales/")
    >>> get_asset_url("logo.png")
    '/sales/assets/logo.png'
    """
    return str(_app().get_asset_url(path))


def get_relative_path(path: str) -> str:
    """`path` under the last created app's requests prefix (`app.get_relative_path`), for links from page modules.

    >>> from propwire import Dash, get_relative_path
    >>> app = Dash(__name__, requests_pathname_prefix="/proxy/")
    >>> get_relative_path("/page-2")
    '/proxy/page-2'
    """
    return str(_app().get_relative_path(path))


def strip_relative_path(path: str | None) -> str | None:
    """A pathname without the last created app's requests prefix and the slashes around what is left.

    >>> from propwire import Dash, strip_relative_path
    >>> app = Dash(__name__, url_base_pathname="/sales/")
    >>> strip_relative_path("/sales/page-2/")
    'page-2'
    """
    result = _app().strip_relative_path(path)
    return None if result is None else str(result)
