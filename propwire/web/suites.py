"""`/_dash-component-suites/<namespace>/<path>`: the browser files of Dash component libraries.

Only files a library lists in its `_js_dist` / `_css_dist` are served (propwire/components/libraries.py), so
the route cannot be used to read anything else of an installed package. A URL may carry the version tag the
page puts in (`bundle.v7_4_1m1700000000.js`); such a URL names one version of the file and is cached for a
year, while a URL without a tag (a library's own chunk loader may build one) is revalidated each time.

Example::

    Route(SUITES + "/{namespace}/{path:path}", suite_file, methods=["GET"])
"""

from __future__ import annotations

import mimetypes

from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

from propwire.components.libraries import SUITES, served_files, unfingerprint

__all__ = ["SUITES", "suite_file"]

_YEAR = "public, max-age=31536000, immutable"
_TYPES = {".js": "application/javascript", ".css": "text/css", ".map": "application/json",
          ".json": "application/json"}


async def suite_file(request: Request) -> Response:
    """One listed file of a library, or a 404 naming what was asked for."""
    namespace, asked = request.path_params["namespace"], request.path_params["path"]
    path = unfingerprint(asked)
    file = served_files().get((namespace, path))
    if file is None or not file.is_file():
        return JSONResponse({"error": f"no component suite file '{namespace}/{asked}'"}, status_code=404)
    suffix = file.suffix.lower()
    media = _TYPES.get(suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    cache = _YEAR if path != asked else "no-cache"
    return FileResponse(file, media_type=media, headers={"cache-control": cache})
