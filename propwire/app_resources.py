"""`app.css` and `app.scripts`: Dash's older way of adding stylesheets and scripts to the page.

`app.css.append_css({"external_url": url})` and `app.scripts.append_script({"external_url": url})` take
Dash's resource dicts. As in Dash, an `external_url` resource is linked only when the resources are not served
locally (`app.css.config.serve_locally = False`, or `Dash(serve_locally=False)`) or the resource says
`"external_only": True`; otherwise it is left out with a warning that says to use `external_stylesheets` /
`external_scripts`. propwire serves no package files of its own choosing, so a resource given only by a package
path (`relative_package_path`, `absolute_path`) is an error naming it.

Example:

>>> from propwire.app_resources import Css
>>> css = Css(serve_locally=False)
>>> css.append_css({"external_url": "https://cdn.example/theme.css"})
>>> css.links()
['https://cdn.example/theme.css']
"""

from __future__ import annotations

import warnings
from typing import Any

from propwire.api.exceptions import ResourceException
from propwire.app_config import AttributeDict

__all__ = ["Css", "Scripts"]


class _Resources:
    def __init__(self, kind: str, method: str, serve_locally: bool, eager_loading: bool = False):
        self.kind, self.method = kind, method
        self.config = AttributeDict(serve_locally=serve_locally, eager_loading=eager_loading)
        self._resources: list[dict[str, Any]] = []

    def _append(self, resource: Any) -> None:
        if not isinstance(resource, dict):
            raise TypeError(f"app.{self.kind}.{self.method}() takes a dict such as {{'external_url': url}}, "
                            f"got {type(resource).__name__}")
        if "external_url" not in resource:
            raise ResourceException(f"app.{self.kind}.{self.method}({resource!r}): propwire links resources by "
                                    f"their 'external_url'; put a local file in the assets folder instead")
        self._resources.append(dict(resource))

    def links(self) -> list[Any]:
        """What the page links: each URL (a dict of tag attributes when the resource has `attributes`)."""
        found: list[Any] = []
        for resource in self._resources:
            if not (resource.get("external_only") or not self.config.serve_locally):
                warnings.warn(f"app.{self.kind}.{self.method}: {resource['external_url']!r} is not linked because "
                              f"resources are served locally (as in Dash); use external_"
                              f"{'stylesheets' if self.kind == 'css' else 'scripts'} instead", UserWarning,
                              stacklevel=2)
                continue
            urls = resource["external_url"]
            for url in [urls] if isinstance(urls, str) else list(urls):
                attrs = resource.get("attributes")
                found.append({self._url_attr: url, **attrs} if attrs else url)
        return found

    _url_attr = "src"


class Css(_Resources):
    """`app.css`: stylesheets appended with `append_css`; `config.serve_locally` as in Dash.

    >>> css = Css(serve_locally=True)
    >>> css.append_css({"external_url": "https://cdn.example/a.css", "external_only": True})
    >>> css.links()
    ['https://cdn.example/a.css']
    """

    _url_attr = "href"

    def __init__(self, serve_locally: bool = True):
        super().__init__("css", "append_css", serve_locally)

    def append_css(self, stylesheet: dict[str, Any]) -> None:
        """Add a stylesheet (`{"external_url": url}`, optionally with `external_only`, `attributes`).

        >>> Css(False).append_css({"external_url": "https://cdn.example/a.css"})
        """
        self._append(stylesheet)


class Scripts(_Resources):
    """`app.scripts`: scripts appended with `append_script`; `config.serve_locally` as in Dash.

    >>> scripts = Scripts(serve_locally=False)
    >>> scripts.append_script({"external_url": "https://cdn.example/a.js", "attributes": {"defer": "defer"}})
    >>> scripts.links()
    [{'src': 'https://cdn.example/a.js', 'defer': 'defer'}]
    """

    def __init__(self, serve_locally: bool = True, eager: bool = False):
        super().__init__("scripts", "append_script", serve_locally, eager)

    def append_script(self, script: dict[str, Any]) -> None:
        """Add a script (`{"external_url": url}`, optionally with `external_only`, `attributes`).

        >>> Scripts(False).append_script({"external_url": "https://cdn.example/a.js"})
        """
        self._append(script)
