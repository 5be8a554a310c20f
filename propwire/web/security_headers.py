"""The security headers of the page: a Content-Security-Policy its own scripts pass, framing rules, referrer.

The page's inline scripts (the stream's `propwire.push(...)` lines) carry a nonce drawn afresh for every
response, so the policy needs no 'unsafe-inline' for scripts and an injected `<script>` or `onerror=` runs
nothing. The renderer needs no eval. What Dash apps load from elsewhere keeps working: the origins of
`external_scripts` and `external_stylesheets` are allowed for scripts and styles, and images, fonts, media
and frames may come from anywhere (they cannot run script in the page). `Dash(content_security_policy=...)`
replaces directives, or turns the header off; `Dash(frame_ancestors=[...])` says who may frame the app.

Example::

    policy = Policy(scripts=["https://cdn.example/x.js"], stylesheets=[], frame_ancestors=["'self'"])
    headers = policy.headers(nonce="abc")  # [(b"content-security-policy", b"default-src 'self'; ..."), ...]
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

REFERRER_POLICY = b"strict-origin-when-cross-origin"
# Every response but an event's (which sets nosniff itself): no MIME sniffing, no full URL to other sites.
COMMON = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", REFERRER_POLICY)]


def new_nonce() -> str:
    """A fresh nonce for one page response (128 random bits)."""
    return secrets.token_urlsafe(16)


def _origins(items: Iterable[Any]) -> list[str]:
    """The scheme://host of every absolute URL among Dash's external_scripts / external_stylesheets."""
    found: list[str] = []
    for item in items:
        url = item.get("src") or item.get("href") if isinstance(item, dict) else item
        parts = urlsplit(str(url or ""))
        if parts.scheme in ("http", "https") and parts.netloc:
            origin = f"{parts.scheme}://{parts.netloc}"
            if origin not in found:
                found.append(origin)
        elif str(url or "").startswith("//") and parts.netloc:  # protocol-relative
            found.append(f"https://{parts.netloc}")
    return found


class Policy:
    """The page's CSP and framing headers for one app (built once; only the nonce changes per response)."""

    def __init__(self, scripts: Iterable[Any], stylesheets: Iterable[Any],
                 frame_ancestors: list[str] | None = ("'self'",),  # type: ignore[assignment]
                 overrides: Mapping[str, Any] | bool | None = True):
        if overrides is not True and overrides is not False and not isinstance(overrides, Mapping):
            raise TypeError("Dash(content_security_policy=...) takes True, False or a dict of directives, "
                            f"got {type(overrides).__name__}")
        self.frame_ancestors = list(frame_ancestors) if frame_ancestors is not None else None
        self.enabled = overrides is not False
        directives: dict[str, list[str]] = {
            "default-src": ["'self'"],
            "script-src": ["'self'", *_origins(scripts)],
            "style-src": ["'self'", "'unsafe-inline'", *_origins(stylesheets)],
            "img-src": ["*", "data:", "blob:"],
            "font-src": ["*", "data:"],
            "media-src": ["*", "data:", "blob:"],
            "frame-src": ["*"],
            "connect-src": ["'self'"],
            "worker-src": ["'self'", "blob:"],
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
        }
        if self.frame_ancestors is not None:
            directives["frame-ancestors"] = self.frame_ancestors or ["'none'"]
        for name, value in (overrides.items() if isinstance(overrides, Mapping) else ()):
            directives[str(name).lower()] = [value] if isinstance(value, str) else list(value)
        self.directives = directives

    def headers(self, nonce: str) -> list[tuple[bytes, bytes]]:
        """The page response's CSP, X-Frame-Options and common headers, with this response's nonce."""
        out = list(COMMON)
        if self.enabled:
            parts = []
            for name, sources in self.directives.items():
                if name == "script-src":
                    sources = [*sources, f"'nonce-{nonce}'"]  # the page's own scripts always carry it
                parts.append(" ".join([name, *sources]))
            out.append((b"content-security-policy", "; ".join(parts).encode("latin-1")))
        xfo = self._x_frame_options()
        if xfo:
            out.append((b"x-frame-options", xfo))
        return out

    def _x_frame_options(self) -> bytes | None:
        """The old header for browsers without frame-ancestors; it can say only 'self' or none."""
        if self.frame_ancestors is None:
            return None
        if not self.frame_ancestors or self.frame_ancestors == ["'none'"]:
            return b"DENY"
        return b"SAMEORIGIN" if self.frame_ancestors == ["'self'"] else None
