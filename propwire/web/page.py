"""The HTML page: the layout and graph inline, then the initial callbacks' results as they finish."""

from __future__ import annotations

import html as html_text
import json
import re
from collections.abc import AsyncIterator, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote_from_bytes, urlsplit

from propwire.api.serialize import dumps

STATIC = "/_propwire/static"
STATIC_DIR = Path(__file__).parent.parent / "static"  # the built renderer, served under STATIC
_QUEUE = "<script nonce=\"{}\">window.propwire=window.propwire||{{q:[],push(l){{this.q.push(l)}}}}</script>"


def script_json(data: bytes) -> bytes:
    """JSON made safe inside a <script> element: no '</' or '<!--' can end it early."""
    return data.replace(b"<", b"\\u003c").replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029")


def _tag_for_stylesheet(item: Any) -> str:
    if isinstance(item, dict):
        attrs = {"rel": "stylesheet", **item}
        return "<link " + " ".join(f'{html_text.escape(k)}="{html_text.escape(str(v))}"' for k, v in attrs.items()) + ">"
    return f'<link rel="stylesheet" href="{html_text.escape(str(item))}">'


def _tag_for_script(item: Any, nonce: str) -> str:
    # the nonce lets the app's own and its external scripts run under the page's Content-Security-Policy
    if isinstance(item, dict):
        attrs = " ".join(f'{html_text.escape(k)}="{html_text.escape(str(v))}"' for k, v in item.items())
        return f'<script {attrs} nonce="{nonce}"></script>'
    return f'<script src="{html_text.escape(str(item))}" nonce="{nonce}"></script>'


def _skipped(relative: str, ignore: re.Pattern | None, path_ignore: tuple[re.Pattern, ...]) -> bool:
    """Dash's rules for which asset files are linked: `assets_ignore` is searched in the file's name, each of
    `assets_path_ignore` in each of its folders' names; dotfiles and files in dot-directories never are."""
    *folders, name = relative.split("/")
    if any(part.startswith(".") for part in (*folders, name)):
        return True
    return bool(ignore and ignore.search(name)) or any(p.search(f) for p in path_ignore for f in folders)


def asset_files(folder: Path, suffix: str, base: str = "/assets", ignore: str = "",
                path_ignore: Iterable[str] = ()) -> list[str]:
    """Asset files of one kind, in a stable order, as URLs under `base` (the assets' URL path), but not those
    Dash's `assets_ignore` / `assets_path_ignore` leave out (still served when asked for, just not linked)."""
    if not folder.is_dir():
        return []
    skip = re.compile(ignore) if ignore else None
    skip_paths = tuple(re.compile(p) for p in path_ignore if p)
    found = []
    for path in folder.rglob(f"*{suffix}"):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and not _skipped(relative, skip, skip_paths):
            found.append(f"{base}/{relative}")
    return sorted(found)


def favicon_url(folder: Path, base: str = "/assets", ignore: str = "", path_ignore: Iterable[str] = ()) -> str | None:
    """The URL of the assets' favicon.ico (Dash's rule: the last found, folders in sorted order, none that
    `assets_ignore` leaves out), with its modification time so a new icon is fetched again; None if none."""
    if not folder.is_dir():
        return None
    skip = re.compile(ignore) if ignore else None
    skip_paths = tuple(re.compile(p) for p in path_ignore if p)
    found = [p for p in folder.rglob("favicon.ico")
             if p.is_file() and not _skipped(p.relative_to(folder).as_posix(), skip, skip_paths)]
    if not found:
        return None
    chosen = max(found, key=lambda p: p.parent.relative_to(folder).parts)
    return f"{base}/{chosen.relative_to(folder).as_posix()}?m={chosen.stat().st_mtime}"


@lru_cache(maxsize=4)
def entry_chunks(manifest: Path) -> tuple[str, ...]:
    """The chunks the renderer's entry imports statically, from the build's manifest.json (renderer/build.mjs):
    without a preload the browser finds them only once the entry has loaded, one round trip later."""
    try:
        return tuple(json.loads(manifest.read_text(encoding="utf-8")).get("modulepreload", []))
    except (OSError, ValueError):
        return ()  # a tree without a built renderer: the page still works, one round trip slower


def css_html(stylesheets: Iterable[Any], prefix: str = "", nonce: str = "", preload: Iterable[str] = (),
             theme: bool = False) -> str:
    """The `{%css%}` piece: propwire's default stylesheet if `theme` (first, so that everything after it wins
    where both set a property), propwire's components' stylesheet, a modulepreload per chunk in `preload`
    (carrying the nonce, which the CSP's script-src checks for module preloads too), then the app's stylesheets."""
    parts = [f'<link rel="stylesheet" href="{prefix}{STATIC}/propwire-theme.css">'] if theme else []
    parts.append(f'<link rel="stylesheet" href="{prefix}{STATIC}/propwire.css">')
    parts += [f'<link rel="modulepreload" href="{prefix}{STATIC}/{html_text.escape(chunk)}" nonce="{nonce}">'
              for chunk in preload]
    parts += [_tag_for_stylesheet(s) for s in stylesheets]
    return "".join(parts)


def scripts_html(scripts: Iterable[Any], nonce: str = "", inline_js: str = "") -> str:
    """The `{%scripts%}` piece: the app's scripts, each with this response's nonce, then `inline_js` (the app's
    inline clientside functions, already safe inside a script element) as one script with the nonce."""
    tags = "".join(_tag_for_script(s, nonce) for s in scripts)
    return tags + (f'<script nonce="{nonce}">{inline_js}</script>' if inline_js else "")


APP_ENTRY = '<div id="_pw-root"></div>'


def config_html(config: dict[str, Any]) -> str:
    """The `{%config%}` piece: what the renderer boots from, as JSON no `</script>` inside can end early."""
    return '<script id="_pw-config" type="application/json">' + script_json(dumps(config)).decode() + "</script>"


def renderer_html(prefix: str = "", nonce: str = "") -> str:
    """The `{%renderer%}` piece: the queue the streamed results are pushed onto, then propwire's bundle."""
    return _QUEUE.format(nonce) + \
        f'<script type="module" async src="{prefix}{STATIC}/propwire.js" nonce="{nonce}"></script>'


async def stream_page(before: str, after: str, lines: AsyncIterator[dict[str, Any]],
                      nonce: str = "") -> AsyncIterator[bytes]:
    """The page in chunks: the index up to its last required piece at once, then one push per stream line, then
    the rest of the index. Every script carries this response's nonce, which the Content-Security-Policy names
    (security_headers.py)."""
    opening = f'<script nonce="{nonce}">'.encode()
    yield before.encode()
    async for line in lines:
        yield opening + b"propwire.push(" + script_json(dumps(line)) + b")</script>"
    yield after.encode()


# Printable ASCII stays as the client sent it (percent escapes included); other bytes are percent-encoded.
_URL_SAFE = "!#$%&'()*+,/:;=?@[]^`{|}\"<>\\"


def page_url(request: Any) -> str:
    """The page's URL as the browser shows it, from a Starlette request. A query string with raw bytes that are
    not UTF-8 (browsers percent-encode them; other clients may not) would make Starlette's request.url raise:
    those bytes are percent-encoded first.

    Example: a GET of `/?q=\\xff` gives `http://127.0.0.1/?q=%FF`.
    """
    query = request.scope.get("query_string", b"")
    if query.isascii():
        return str(request.url)
    from starlette.datastructures import URL  # Starlette is the server's; this module stays importable without

    return str(URL(scope={**request.scope, "query_string": quote_from_bytes(query, safe=_URL_SAFE).encode()}))


def location_props(url: str) -> dict[str, str]:
    """What a dcc.Location knows on the server: path and query (the hash never reaches the server)."""
    parts = urlsplit(url)
    return {"pathname": parts.path or "/", "search": f"?{parts.query}" if parts.query else ""}
