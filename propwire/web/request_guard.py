"""Checks a request passes before any app code sees it: one Host, a same-origin Origin, a real navigation.

Why here, in one module: the event endpoint, the cookies endpoint and the page route all ask the same
questions of the raw ASGI scope, and the answers must agree (docs/security.md says what each one guards
against). Each check returns None when the request may go on, else `(status, message)` for a 4xx JSON
answer; none of them reads the body or builds the layout, so a refused request costs next to nothing.

Example::

    refused = request_guard.refuse_post(scope, allowed=["https://app.example"])
    if refused:
        status, message = refused  # e.g. (403, "cross-site request refused: ...")
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.types import Scope

Refusal = tuple[int, str]
# What a browser says (Sec-Fetch-Dest) when it loads a page to show it: the top window or a frame.
NAVIGATIONS = frozenset({"document", "iframe", "frame"})
_DEFAULT_PORTS = {"http": "80", "https": "443", "ws": "80", "wss": "443"}


def header(scope: Scope, name: bytes) -> str | None:
    """The first value of one request header (lower-case name), decoded, or None."""
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return None


def duplicate_host(scope: Scope) -> Refusal | None:
    """Two Host headers: which one names the site is ambiguous (request smuggling, cache poisoning) -> 400."""
    hosts = sum(1 for key, _ in scope["headers"] if key == b"host")
    return (400, "the request has more than one Host header") if hosts > 1 else None


def _normal(origin: str) -> str:
    """scheme://host[:port] in lower case, the scheme's default port left out (as browsers send Origin)."""
    origin = origin.strip().lower().rstrip("/")
    scheme, sep, rest = origin.partition("://")
    if sep and ":" in rest and not rest.endswith("]"):
        host, _, port = rest.rpartition(":")
        if _DEFAULT_PORTS.get(scheme) == port:
            rest = host
    return f"{scheme}{sep}{rest}"


def _page_scheme(scope: Scope) -> str:
    """The scheme of the page a request comes from: a WebSocket's (ws, wss) is its page's http or https."""
    scheme = str(scope.get("scheme", "http"))
    return {"ws": "http", "wss": "https"}.get(scheme, scheme)


def own_origin(scope: Scope) -> str | None:
    """The origin the page was served from, as this server sees it: the scope's scheme (which uvicorn takes
    from X-Forwarded-Proto only for the proxies --forwarded-allow-ips trusts) and the Host header."""
    host = header(scope, b"host")
    if not host:
        server = scope.get("server")
        if not server:
            return None
        host = f"{server[0]}:{server[1]}"
    return _normal(f"{_page_scheme(scope)}://{host}")


def refuse_post(scope: Scope, allowed: Iterable[str] = ()) -> Refusal | None:
    """A state-changing POST (an event, a cookie exchange) or an event socket's handshake from another site ->
    403, before the body is read.

    A browser always sends Origin on a POST made by fetch(), so a cross-site page cannot hide where it comes
    from: its Origin must be the page's own origin or one of `allowed` ("*" allows any). Without an Origin
    the request comes from no browser (curl, a script, a test client), which no cross-site page can make a
    user's browser send with the user's cookies; it passes unless Sec-Fetch-Site says it is cross-site.
    """
    origin = header(scope, b"origin")
    if origin is None:
        site = header(scope, b"sec-fetch-site")
        if site in ("cross-site", "same-site"):
            return 403, f"cross-site request refused (Sec-Fetch-Site: {site}, no Origin header)"
        return None
    host = header(scope, b"host")
    if host is not None and origin == f"{_page_scheme(scope)}://{host}":
        return None  # the usual case, exactly as the browser wrote both: no normalising needed
    allowed = list(allowed)
    if "*" in allowed:
        return None
    mine = own_origin(scope)
    if _normal(origin) == mine or _normal(origin) in {_normal(a) for a in allowed}:
        return None
    return 403, (f"cross-site request refused: its Origin {origin!r} is not this page's origin {mine!r} "
                 f"(scheme and Host header) nor in Dash(allowed_origins=[...]); behind a proxy, pass the "
                 f"Host header through and X-Forwarded-Proto from a proxy uvicorn trusts (--forwarded-allow-ips)")


def is_navigation(scope: Scope) -> bool:
    """Whether a GET loads a page to show it, and so may run the app's layout and initial callbacks.

    Browsers say what a request is for in Sec-Fetch-Dest: "document" (or a frame) for a navigation, "image"
    for an `<img src>`, "script", "style", "empty" for fetch()... Only navigations run anything. A client
    that sends no fetch metadata at all (curl, an old browser, a test client) is taken as navigating.
    """
    dest = header(scope, b"sec-fetch-dest")
    return dest is None or dest.lower() in NAVIGATIONS
