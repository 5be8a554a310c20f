"""GET of any page path: the HTML page, with the initial callbacks' results streamed into it (page.py).

Built from what it reads: the engine (the initial callbacks run on it), the page spec (asked for on each load),
the assets (linked from the head), the limits (the page's security headers) and the dev hooks (the dev tools'
part of the config in debug mode).

Example::

    Route("/{path:path}", page_endpoint(engine, page, assets, limits, dev=None), methods=["GET"])
"""

from __future__ import annotations

import html as html_text
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import BaseRoute

from propwire.api.dependencies import id_string
from propwire.api.serialize import to_json_value
from propwire.components import libraries
from propwire.components import spec as components_spec
from propwire.components.base import Component
from propwire.core import telemetry
from propwire.core.layout import LayoutView, walk
from propwire.core.outcomes import effects_of
from propwire.protocol.lines import cookies_line, line_of
from propwire.web import cookie_token, index_page, request_guard, security_headers
from propwire.web.event_endpoint import request_info
from propwire.web.event_socket import SOCKET_PATH
from propwire.web.page import (
    APP_ENTRY,
    STATIC_DIR,
    asset_files,
    config_html,
    css_html,
    entry_chunks,
    favicon_url,
    location_props,
    page_url,
    renderer_html,
    scripts_html,
    stream_page,
)
from propwire.web.spec import Assets, EngineProvider, Limits, PageSpec, Paths
from propwire.web.uploads import UPLOAD_PATH

if TYPE_CHECKING:
    from propwire.core.engine import Engine

EVENT_PATH = "/_propwire/event"


class DevHooks(Protocol):
    """What the dev layer adds to a debug page (propwire/dev/routes.py): the web layer calls it, never imports it."""

    def page_config(self, prefix: str) -> dict[str, Any]:
        """The dev tools' part of the page config: the server's boot id, the reload stream's URL."""

    def routes(self, debug: Callable[[], bool], assets: Assets) -> list[BaseRoute]:
        """The dev routes (the reload stream), each answering 404 while `debug()` is false."""


def policy_for(spec: PageSpec, limits: Limits) -> security_headers.Policy:
    """The page's CSP and framing rules: its external scripts' and stylesheets' origins are allowed."""
    return security_headers.Policy(spec.scripts, spec.stylesheets,
                                   None if limits.frame_ancestors is None else list(limits.frame_ancestors),
                                   limits.content_security_policy)


def url_prefix(scope: Any, paths: Paths) -> str:
    """The prefix of every URL the page gives the browser, without a trailing "/": the path a host app mounted
    this one under (the scope's root_path), then the app's requests_pathname_prefix."""
    return scope.get("root_path", "").rstrip("/") + paths.requests.rstrip("/")


def route_path(scope: Any) -> str:
    """The request's path inside this app: without the prefix it is mounted under (the scope's root_path)."""
    path, root = scope["path"], scope.get("root_path", "")
    return path[len(root):] if root and path.startswith(root) else path


def page_endpoint(engine: EngineProvider, page: Callable[[], PageSpec], assets: Assets, limits: Limits,
                  dev: DevHooks | None, paths: Paths = Paths(), socket_on: Callable[[], bool] = lambda: True) -> Any:
    """GET of any other path: the page, with its initial callbacks' results streamed into it; `socket_on` says
    whether the page is to send its events over the event socket (event_socket.py)."""
    event_path = paths.routes.rstrip("/") + EVENT_PATH

    async def serve_page(request: Request) -> Response:
        url = page_url(request)  # request.url raises on a query string that is not UTF-8
        if route_path(request.scope) == event_path:  # else the catch-all page route would answer a GET
            return JSONResponse({"error": "events must be POSTed"}, status_code=405, headers={"allow": "POST"})
        spec = page()
        target = spec.redirects.get(route_path(request.scope))
        if target is not None:  # a page's redirect_from (Dash Pages), for any GET as Flask's redirect rule is
            return RedirectResponse(request.scope.get("root_path", "").rstrip("/") + target, status_code=302)
        if request.method == "HEAD" or not request_guard.is_navigation(request.scope):
            return _no_page(request, policy_for(spec, limits))
        running = engine()
        if spec.head is not None:  # this URL's own title and meta tags (Dash Pages): the app's title functions,
            # which may block or be async, on the pool as sync callbacks run
            title, metas = await running.pool.run("head", "page head", running.callback_timeout, spec.head,
                                                  (url, route_path(request.scope)))
            spec = replace(spec, title=title, metas=(*metas, *spec.metas))
        if spec.layout_blocks:  # the app's own code, which may block: on the pool, as sync callbacks run
            layout = await running.pool.run("layout", "layout", running.callback_timeout, spec.layout)
        else:
            layout = spec.layout()
        layout_json, _ = to_json_value(layout)
        mounted = _fill_locations(layout_json, location_props(url))  # path as the browser shows it
        unknown = _client_owned(layout)
        view = LayoutView.from_layout(layout_json, unknown)
        prefix = url_prefix(request.scope, paths)
        config = _page_config(spec, running, layout_json, unknown, prefix, dev, socket_on())
        nonce = security_headers.new_nonce()
        before, after = _page_html(spec, config, assets, prefix, nonce)
        lines = _initial_lines(running, view, mounted, request, urlsplit(url).path)
        response = StreamingResponse(stream_page(before, after, lines, nonce), media_type="text/html; charset=utf-8",
                                     headers={"cache-control": "no-store", "vary": "sec-fetch-dest"})
        response.raw_headers += policy_for(spec, limits).headers(nonce)
        return response

    return serve_page


def _page_html(spec: PageSpec, config: dict, assets: Assets, prefix: str, nonce: str) -> tuple[str, str]:
    """The page's index (the app's index string or interpolate_index, else propwire's) filled with this load's
    pieces, cut where the streamed results go in (index_page.py)."""
    base = f"{prefix}/{assets.url_path.strip('/')}"
    linked = (lambda suffix: asset_files(assets.folder, suffix, base, assets.ignore, assets.path_ignore)) \
        if assets.include else (lambda suffix: [])
    icon = favicon_url(assets.folder, base, assets.ignore, assets.path_ignore) if assets.include else None
    pieces = {
        "metas": index_page.metas_html(spec.metas), "title": html_text.escape(spec.title),
        "favicon": index_page.favicon_html(icon),
        "css": css_html([*libraries.page_stylesheets(prefix), *spec.stylesheets, *linked(".css")], prefix, nonce,
                        entry_chunks(STATIC_DIR / "manifest.json"), spec.theme),
        "app_entry": APP_ENTRY, "config": config_html(config),
        "scripts": scripts_html([*spec.scripts, *linked(".js")], nonce, spec.inline_js), "renderer": renderer_html(prefix, nonce),
    }
    fill = spec.index or (lambda **p: index_page.interpolate(index_page.DEFAULT_INDEX, p))
    return index_page.split_page(fill(**pieces), pieces)


def _page_config(spec: PageSpec, running: Engine, layout_json: Any, unknown: set[str], prefix: str,
                 dev: DevHooks | None, socket: bool) -> dict:
    """What the renderer boots from: layout, graph, URLs, the browser-owned props and the outside bundles."""
    config = {"layout": layout_json, "graph": spec.graph(), "eventUrl": f"{prefix}{EVENT_PATH}",
              "cookiesUrl": f"{prefix}{cookie_token.COOKIES_PATH}", "uploadUrl": f"{prefix}{UPLOAD_PATH}",
              "debug": spec.debug, "unknown": sorted(unknown)}
    if socket:
        config["socketUrl"] = f"{prefix}{SOCKET_PATH}"  # events over a WebSocket, POSTs as the fallback
    if spec.title_store:
        config["pageTitle"] = spec.title_store  # the tab's title follows that store's data (renderer/src/title.ts)
    if spec.update_title:
        config["updateTitle"] = spec.update_title  # the tab's title while callbacks run (renderer/src/title.ts)
    bundles = {**libraries.page_scripts(prefix), **components_spec.outside_scripts(prefix)}
    if bundles:
        config["bundles"] = bundles  # {namespace: [script URLs]}, loaded when a page first renders one
    children = libraries.children_props()
    if children:
        config["children_props"] = children  # {namespace: {type: [paths]}}: library props holding components
    persisted = libraries.persisted_props()
    if persisted:
        config["persisted"] = persisted  # {namespace: {type: [names]}}: library components' persisted_props
    if spec.debug:
        config["devtools"] = {"callbacks": running.graph.to_devtools(), "warnings": list(spec.warnings),
                              **(dev.page_config(prefix) if dev is not None else {})}
    return config


def _no_page(request: Request, policy: security_headers.Policy) -> Response:
    """A HEAD, or a GET that is no navigation (an `<img src>`, a script, a fetch): the page's headers and
    nothing else; neither the layout function nor any callback runs (docs/security.md)."""
    headers = {"cache-control": "no-store", "vary": "sec-fetch-dest"}
    if request.method == "HEAD":
        response = Response(status_code=200, media_type="text/html; charset=utf-8", headers=headers)
        response.raw_headers += policy.headers(security_headers.new_nonce())
        return response
    dest = request.headers.get("sec-fetch-dest", "")
    return JSONResponse({"error": f"propwire pages are served to navigations only, not to a "
                                  f"Sec-Fetch-Dest: {dest} request"}, status_code=400, headers=headers)


async def _initial_lines(engine: Engine, view: LayoutView, mounted: Any, request: Request,
                         path: str) -> AsyncIterator[dict]:
    """The page's initial callbacks, as stream lines, as each finishes (the page's headers went out first, so
    their cookies travel sealed)."""
    with telemetry.span("propwire page", {"propwire.path": path}):
        chain = engine.initial(view, mounted)
        chain.request = request_info(request.scope)
        async for batch in chain:
            for item in batch.items:
                if (effects := effects_of(item)) is not None and effects.cookies:
                    yield cookies_line(cookie_token.seal(effects.cookies, 0))
                yield line_of(item)
    yield {"done": {"seq": 0}}


def _client_owned(layout: Any) -> set[str]:
    """Prop keys only the browser knows at load (local/session stores, the URL hash)."""
    roots = layout if isinstance(layout, list) else [layout]
    keys: set[str] = set()
    for root in roots:
        for comp in [root, *root._traverse()] if isinstance(root, Component) else []:
            if comp.id is None:
                continue
            owned = comp.client_owned_props() if hasattr(comp, "client_owned_props") else ()
            keys.update(f"{id_string(comp.id)}.{p}" for p in owned)
    return keys


def _fill_locations(layout_json: Any, props: dict[str, str]) -> list[str]:
    """Put the page's URL into every dcc.Location; returns the keys that changed, which (as in Dash, where the
    component sets them as it mounts) count as written at load."""
    changed: list[str] = []
    for comp, _ in walk(layout_json):
        if comp.get("namespace") == "dcc" and comp.get("type") == "Location":
            own = comp["props"]
            if own.get("id") is not None:
                changed += [f"{id_string(own['id'])}.{k}" for k, v in props.items() if own.get(k) != v]
            own.update(props)
    return changed
