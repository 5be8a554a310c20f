"""Dash's path helpers on the app: `get_asset_url`, `get_relative_path`, `strip_relative_path`.

They put links under the app's `requests_pathname_prefix` (and its `assets_url_path`), so the same code works
served at "/" and behind a proxy at "/sales/". `Dash` takes them as its methods; they live here to keep
propwire/app.py small.

Example:

>>> relative_path("/sales/", "/page-2"), strip_path("/sales/", "/sales/page-2/")
('/sales/page-2', 'page-2')
"""

from __future__ import annotations

from typing import Any

from propwire.api.exceptions import UnsupportedRelativePath

__all__ = ["get_asset_url", "get_relative_path", "strip_relative_path", "relative_path", "strip_path"]


def get_asset_url(self: Any, path: str) -> str:
    """The URL of a file in the assets folder, under the requests prefix and assets_url_path (whose slashes at
    either end do not double up, where Dash's would).

    >>> from propwire import Dash
    >>> Dash(__name__, url_base_pathname="/sales/").get_asset_url("logo.png")
    '/sales/assets/logo.png'
    """
    config = self.config
    return "/".join([config.requests_pathname_prefix.rstrip("/"), config.assets_url_path.strip("/"), path])


def get_relative_path(self: Any, path: str) -> str:
    """`path` (starting with "/") under the requests prefix, for links that work wherever the app is served.

    >>> from propwire import Dash
    >>> Dash(__name__, requests_pathname_prefix="/sales/").get_relative_path("/page-2")
    '/sales/page-2'
    """
    return relative_path(self.config.requests_pathname_prefix, path)


def strip_relative_path(self: Any, path: str | None) -> str | None:
    """A dcc.Location pathname without the requests prefix and the slashes around it (None stays None).

    >>> from propwire import Dash
    >>> Dash(__name__, requests_pathname_prefix="/sales/").strip_relative_path("/sales/page-2/")
    'page-2'
    """
    return strip_path(self.config.requests_pathname_prefix, path)


def relative_path(prefix: str, path: str) -> str:
    """Dash's get_relative_path: `path` (which must start with "/", or be "") under `prefix`."""
    if path == "":
        return prefix
    if not path.startswith("/"):
        raise UnsupportedRelativePath(f"get_relative_path takes a path starting with '/', got {path!r}")
    return prefix.rstrip("/") + "/" + path.lstrip("/")


def strip_path(prefix: str, path: str | None) -> str | None:
    """Dash's strip_relative_path: `path` without `prefix` and the slashes around what is left."""
    if path is None:
        return None
    base = prefix.rstrip("/")
    if not path.startswith(base + "/" if base else "/") and path != base:
        raise UnsupportedRelativePath(f"strip_relative_path takes a path under requests_pathname_prefix "
                                      f"{prefix!r}, got {path!r}")
    return path[len(base):].strip("/")
